package depparse

// moveCosts returns, for each unlabeled move, how many gold arcs it makes
// unreachable (Goldberg and Nivre's dynamic oracle for arc-eager), or -1 when
// the move is not allowed. gold holds the gold head of each position (the root
// is n+1).
func (s *state) moveCosts(gold []int) [4]int {
	costs := [4]int{-1, -1, -1, -1}
	root := s.root()
	b := s.b
	if s.valid(moveShift) {
		c := 0
		for _, k := range s.stack {
			if gold[b] == k {
				c++
			}
			if s.head[k] == none && gold[k] == b {
				c++
			}
		}
		costs[moveShift] = c
	}
	if len(s.stack) == 0 {
		return costs
	}
	s0 := s.stackAt(0)
	if s.valid(moveReduce) {
		c := 0
		for k := b; k <= root; k++ {
			if gold[k] == s0 {
				c++
			}
		}
		costs[moveReduce] = c
	}
	if s.valid(moveLeft) {
		c := 0
		if g := gold[s0]; g > b && g <= root {
			c++
		}
		for k := b; k <= root; k++ {
			if gold[k] == s0 {
				c++
			}
		}
		costs[moveLeft] = c
	}
	if s.valid(moveRight) {
		c := 0
		if g := gold[b]; g != s0 {
			if g > b {
				c++
			} else {
				for _, k := range s.stack {
					if k == g {
						c++
						break
					}
				}
			}
		}
		for _, k := range s.stack {
			if s.head[k] == none && gold[k] == b {
				c++
			}
		}
		costs[moveRight] = c
	}
	return costs
}

// projectivize lifts non-projective arcs of a gold tree (heads indexed
// 1..n, 0 the root) until the tree is projective, returning new heads. Each
// step lifts the shortest crossing arc's dependent to its grandparent.
func projectivize(heads []int) []int {
	h := append([]int(nil), heads...)
	for {
		best, bestLen := -1, 0
		for d := 1; d < len(h); d++ {
			if h[d] == 0 || !nonProjective(h, d) {
				continue
			}
			l := abs(h[d] - d)
			if best < 0 || l < bestLen {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
}

// nonProjective reports whether the arc into d crosses another arc: some
// word strictly between d and its head is not dominated by the head.
func nonProjective(h []int, d int) bool {
	lo, hi := d, h[d]
	if lo > hi {
		lo, hi = hi, lo
	}
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := 0; a != 0 && a != h[d] && steps < len(h); steps++ {
			a = h[a]
		}
		if a != h[d] {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
