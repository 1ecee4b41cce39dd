// Package lexicon is sitrep's predicate lexicon: the verbs, phrasal verbs,
// multiword predicates and event nouns that signal CAMEO events, with the
// argument frames that say where the source and the target of the event are
// found in the dependency tree, and the modifiers ("refuse to", "plan to",
// "could") that govern another predicate and change its status.
//
// The lexicon is the project's own data, written as tab-separated files
// under data/ and embedded in the binary:
//
//	verbs*.tsv      lemma  particle  prep  cameo  source  target  notes
//	nouns*.tsv      lemma  cameo  source  target  notes
//	modifiers*.tsv  lemma  effect  event  notes
//	refine*.tsv     code  cue  refined  notes
//	forms*.tsv      form  lemma  notes
//
// Every file starts with a header line naming its columns; blank lines and
// lines starting with '#' are ignored; '|' separates alternatives within a
// cell ("at|on|toward"). Lemmas are lower-case base forms. A lemma may have
// several words ("open fire", "take part"): the first word is the head verb
// or noun and the others are its fixed dependents (object, particle-like
// noun); such rows are found both under the full lemma and under the head.
// The head of a multiword noun is its last word before any preposition
// ("peace talks" -> talks, "state of emergency" -> state).
//
// Verb frames. source and target name the grammatical role that fills the
// event's source and target: subj (nominal subject), obj (direct object),
// iobj (indirect object), prep (an oblique introduced by one of the
// prepositions in the prep column), or none. Passive voice is the coder's
// business: a row describes the active frame only. particle is the particle
// of a phrasal verb (compound:prt: "step up", "carry out", "pull out").
// When neither role is prep, a non-empty prep column still selects the frame:
// the verb must have an oblique with one of those prepositions, which holds
// the content of the event rather than an actor ("call for" a ceasefire, as
// against "call on" someone).
//
// Forms. forms*.tsv lists irregular verb forms ("fled" -> flee) for
// VerbLemma, which repairs the lemma of a verb the lemmatizer did not know
// (regular inflections need no rows).
//
// Noun frames. source lists the markers that introduce the source of a
// nominal event: "poss" for a possessive ("Israel's airstrikes"), "by"
// ("strikes by Israel"), "amod" for a demonym or country adjective
// ("Israeli strikes"), "compound" for a noun modifier ("Hezbollah
// attacks"); target lists the prepositions that introduce the target
// ("on|against|in"), or "poss"/"of" for nouns whose possessor or "of"
// complement is the target ("Barrack's assassination", "the arrest of").
//
// Modifiers. effect is one of negated, intended, hypothetical, asserted and
// says what a governing word does to the status of the predicate it governs
// ("refused to attack": the attack is negated). event is the CAMEO code of
// the governing word itself when it is an event ("refuse" is 120, "threaten"
// 130) and empty when it is not ("plan", "could").
//
// Refinements. A refine row gives a more specific code of the same root to
// an event whose code is code (a full code, or a root meaning the root's
// generic code) when its object or complement is the cue: a lemma of the
// object noun, of a noun it governs ("the proposal for talks"), of a content
// oblique ("accused of war crimes") or of a governed predicate ("offered to
// mediate"); or "event:NN", the CAMEO root of the event it governs. A row
// for the full code wins over one for its root. Only codes whose codebook
// name fits are listed ("reject" + "talks" -> 125 Reject proposal to meet,
// discuss, or negotiate).
//
// Users extend the lexicon with directories of files of the same format
// (LoadDirs). A later layer's rows replace all earlier rows with the same
// key: for verbs the lemma and particle, for nouns and modifiers the lemma,
// for refinements the code and cue.
// Within one layer, rows with the same key accumulate (one row per sense or
// frame).
//
// A loaded Lexicon is never modified, so one value may be shared by any
// number of goroutines.
package lexicon
