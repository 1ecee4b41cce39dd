package depparse

// The transition system is arc-eager with the artificial root at the end of
// the buffer (position n+1), so the root attaches by a final LEFT-ARC and the
// parse ends when the buffer holds only the root and the stack is empty.
//
// Actions are numbered: 0 SHIFT, 1 REDUCE, 2..2+L-1 LEFT-ARC with label l,
// 2+L..2+2L-1 RIGHT-ARC with label l.

const (
	actShift  = 0
	actReduce = 1
	none      = -1
)

// state is a parser configuration over one sentence of n words numbered
// 1..n; position n+1 is the root.
type state struct {
	n     int
	stack []int
	b     int // front of the buffer
	head  []int
	label []int
	// left1/left2 are the leftmost and second leftmost dependents, right1/right2
	// the rightmost and second rightmost; nleft/nright count dependents and
	// lset/rset are bit sets of their labels.
	left1, left2, right1, right2 []int
	nleft, nright                []int
	lset, rset                   []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 1
	size := n + 2
	s.head = fill(s.head, size, none)
	s.label = fill(s.label, size, none)
	s.left1 = fill(s.left1, size, none)
	s.left2 = fill(s.left2, size, none)
	s.right1 = fill(s.right1, size, none)
	s.right2 = fill(s.right2, size, none)
	s.nleft = fill(s.nleft, size, 0)
	s.nright = fill(s.nright, size, 0)
	if cap(s.lset) < size {
		s.lset = make([]uint64, size)
		s.rset = make([]uint64, size)
	}
	s.lset = s.lset[:size]
	s.rset = s.rset[:size]
	clear(s.lset)
	clear(s.rset)
}

func fill(xs []int, n, v int) []int {
	if cap(xs) < n {
		xs = make([]int, n)
	}
	xs = xs[:n]
	for i := range xs {
		xs[i] = v
	}
	return xs
}

func (s *state) root() int { return s.n + 1 }

func (s *state) done() bool { return len(s.stack) == 0 && s.b == s.root() }

// s0 returns the top of the stack, or none.
func (s *state) stackAt(i int) int {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return none
}

// bufAt returns the i-th buffer position, or none past the root.
func (s *state) bufAt(i int) int {
	if p := s.b + i; p <= s.root() {
		return p
	}
	return none
}

// valid reports whether the unlabeled move m (shift, reduce, left, right) is
// allowed.
func (s *state) valid(move int) bool {
	switch move {
	case moveShift:
		return s.b < s.root()
	case moveReduce:
		return len(s.stack) > 0 && s.head[s.stackAt(0)] != none
	case moveLeft:
		return len(s.stack) > 0 && s.head[s.stackAt(0)] == none
	case moveRight:
		return len(s.stack) > 0 && s.b < s.root()
	}
	return false
}

// The unlabeled moves.
const (
	moveShift = iota
	moveReduce
	moveLeft
	moveRight
)

// addArc records h -> d with label l.
func (s *state) addArc(h, d, l int) {
	s.head[d] = h
	s.label[d] = l
	bit := uint64(1) << uint(l&63)
	if d < h {
		s.nleft[h]++
		s.lset[h] |= bit
		if s.left1[h] == none || d < s.left1[h] {
			s.left2[h] = s.left1[h]
			s.left1[h] = d
		} else if s.left2[h] == none || d < s.left2[h] {
			s.left2[h] = d
		}
	} else {
		s.nright[h]++
		s.rset[h] |= bit
		if s.right1[h] == none || d > s.right1[h] {
			s.right2[h] = s.right1[h]
			s.right1[h] = d
		} else if s.right2[h] == none || d > s.right2[h] {
			s.right2[h] = d
		}
	}
}

// apply performs the unlabeled move with label l (ignored for shift/reduce).
func (s *state) apply(move, l int) {
	switch move {
	case moveShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case moveReduce:
		s.stack = s.stack[:len(s.stack)-1]
	case moveLeft:
		s0 := s.stackAt(0)
		s.addArc(s.b, s0, l)
		s.stack = s.stack[:len(s.stack)-1]
	case moveRight:
		s.addArc(s.stackAt(0), s.b, l)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}
