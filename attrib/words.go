package attrib

import (
	"strings"
	"unicode"
)

// The word classes of the rules, as switches (no package-level tables).

// cueVerb reports whether a verb lemma can introduce what someone said,
// wrote, reported, found, thought or felt, when it has content (a clause
// or quotation) to introduce.
func cueVerb(l string) bool {
	switch l {
	case "say", "tell", "report", "claim", "add", "state", "announce", "confirm", "deny",
		"insist", "warn", "explain", "note", "write", "argue", "suggest", "acknowledge",
		"admit", "assert", "declare", "tweet", "post", "reply", "respond", "answer", "ask",
		"agree", "contend", "maintain", "predict", "promise", "vow", "pledge", "threaten",
		"urge", "recall", "reveal", "disclose", "indicate", "testify", "allege", "complain",
		"concede", "conclude", "emphasize", "emphasise", "stress", "comment", "remark",
		"observe", "mention", "estimate", "show", "find", "learn", "caution",
		"counter", "retort", "quip", "joke", "boast", "affirm", "reiterate", "repeat",
		"proclaim", "inform", "assure", "signal", "hint", "speculate", "charge", "accuse",
		"believe", "think", "fear", "hope", "expect", "worry", "doubt", "assume",
		"question", "shout", "read", "quote", "cite", "describe", "brief", "notify",
		"demand", "propose", "recommend", "advise", "insinuate", "imply", "point", "opine",
		"contest", "dispute", "reckon", "suspect", "envision", "clarify", "elaborate", "underscore", "underline", "highlight",
		"concur", "calculate", "forecast", "project",
		"convince", "persuade", "remind":
		return true
	}
	return false
}

// linkVerb reports whether a verb lemma takes a clause without being a
// stance of its subject ("it seems that", "the point is that").
func linkVerb(l string) bool {
	switch l {
	case "be", "seem", "appear", "mean", "make", "have", "get", "let", "see", "help", "go",
		"come", "take", "become", "remain", "turn", "happen", "matter", "ensure", "do":
		return true
	}
	return false
}

// speechVerb reports whether a verb lemma is one of saying proper, which
// introduces a quotation it follows ("'...,' he said").
func speechVerb(l string) bool {
	switch l {
	case "say", "tell", "add", "write", "explain", "note", "insist", "warn", "continue",
		"argue", "reply", "respond", "answer", "ask", "tweet", "post", "state", "declare",
		"recall", "quip", "joke", "boast", "retort", "counter", "concede", "acknowledge",
		"admit", "claim", "remark", "observe", "shout", "complain", "conclude", "emphasize",
		"stress", "predict", "promise", "vow", "assert", "contend", "maintain", "report",
		"announce", "confirm", "deny", "suggest", "reiterate", "repeat", "affirm", "read",
		"elaborate", "testify", "caution", "agree", "comment", "mention", "believe", "think":
		return true
	}
	return false
}

// surfaceVerb reports whether a verb lemma is a verb of saying that sits
// next to its source and a quotation ("'...,' said X", "X added").
func surfaceVerb(l string) bool {
	switch l {
	case "say", "add", "write", "explain", "note", "insist", "warn", "argue", "continue",
		"recall", "conclude", "tweet", "declare", "quip", "joke",
		"complain", "acknowledge", "admit", "concede", "caution", "predict", "observe", "show",
		"find", "report", "estimate", "indicate", "suggest", "state", "announce", "confirm",
		"ask", "wonder", "reply", "answer", "respond":
		return true
	}
	return false
}

// directiveVerb reports whether a verb lemma introduces what someone asked
// of another as an infinitive ("urged Aoun to remove").
func directiveVerb(l string) bool {
	switch l {
	case "urge", "ask", "tell", "warn", "advise", "encourage", "implore", "beg", "press", "call":
		return true
	}
	return false
}

// raisingVerb reports whether a verb lemma, passive with an infinitive,
// hedges what it introduces ("is said to", "is reported to").
func raisingVerb(l string) bool {
	switch l {
	case "say", "report", "believe", "think", "allege", "rumor", "rumour", "understand",
		"know", "claim", "suspect", "reckon", "consider":
		return true
	}
	return false
}

// stanceVerb reports whether a verb lemma states its subject's position
// on what its object, prepositional object or infinitive names ("called
// for talks", "criticized the deal", "refused to attend").
func stanceVerb(l string) bool {
	switch l {
	case "call", "criticize", "criticise", "praise", "endorse", "refuse", "decline", "defend",
		"accuse", "blame", "dismiss", "welcome", "condemn", "applaud", "slam", "blast", "mock",
		"question", "challenge", "comment", "highlight", "hope", "intend", "reject", "denounce",
		"tout", "advocate", "lament", "vow", "pledge", "promise", "urge", "demand", "insist",
		"acknowledge", "admit", "deny", "dispute", "warn", "predict", "argue", "boast", "brag",
		"hail", "laud", "decry", "deplore", "fault", "rebuke", "chide", "scold", "lambaste",
		"ridicule", "dub", "label", "brand", "term", "characterize", "characterise", "portray",
		"describe", "recommend", "suggest",
		// Positions and wishes: "supports the deal", "wants a vote",
		// "voted against the bill", "is pushing for talks". (Measured
		// one by one: the verbs whose stances news annotators mostly
		// pass over, "speak", "consider", "know", are left out.)
		"support", "back", "oppose", "favor", "favour", "prefer", "want", "seek", "like", "love",
		"hate", "plan", "propose", "offer", "push", "attack", "decide", "vote", "promote",
		"approve", "veto", "request", "order", "knock", "rail", "eviscerate", "echo", "invoke",
		"threaten", "encourage", "unveil", "release", "express", "voice", "thank", "fear",
		"worry", "wonder",
		// Talk about something: "talked about the economy", "referred to
		// the attacks", "pointed to the polls".
		"talk", "discuss", "refer", "point", "mention", "cite", "list", "identify", "remind",
		// Views: "sees him as", "remembers the war".
		"see", "view", "feel", "remember", "agree",
		// Rarer verbs of saying, judging and regarding, each measured
		// on news annotations (most of their uses with an object or a
		// clause are annotated): "reaffirmed his support", "outlined
		// a plan", "scoffed at the idea", "considers him a threat".
		"reaffirm", "reiterate", "restate", "stress", "emphasize", "underscore", "articulate",
		"outline", "specify", "recite", "quote", "paraphrase", "parrot", "utter", "issue",
		"publish", "retweet", "document", "revisit", "reprise", "shout", "yell", "preach",
		"lecture", "plead", "exhort", "pitch", "trumpet", "herald", "vouch", "charge",
		"attribute", "name", "frame", "paint", "liken", "single", "spotlight", "downplay",
		"disavow", "repudiate", "contradict", "disagree", "resist", "restrict", "authorize",
		"apologize", "scoff", "taunt", "tease", "jab", "spar", "bash", "trash", "smear", "assail",
		"savage", "pummel", "lash", "berate", "castigate", "excoriate", "reprimand", "deride",
		"disparage", "belittle", "demean", "demonize", "satirize", "bemoan", "relish", "gloat",
		"admire", "despise", "dislike", "resent", "recognize", "understand", "consider", "regard",
		"judge", "interpret", "imagine", "foresee", "contemplate", "ponder", "muse", "mull", "posit":
		return true
	}
	return false
}

// seemVerb reports whether a verb lemma gives its subject's appearance or
// stance by an infinitive or a clause only ("seemed to differ", "appears
// to have learned").
func seemVerb(l string) bool {
	switch l {
	case "seem", "appear", "sound":
		return true
	}
	return false
}

// quoteOnlyVerb reports whether a verb lemma introduces speech only next
// to a quotation ("'...,' he continued"), never by its object.
func quoteOnlyVerb(l string) bool {
	switch l {
	case "continue", "read", "maintain", "respond", "answer", "agree", "believe", "think",
		"know", "feel", "recall", "observe", "remark":
		return true
	}
	return false
}

// expectVerb reports whether a verb lemma, passive with an infinitive,
// attributes a prediction to no one in particular ("is expected to").
func expectVerb(l string) bool {
	switch l {
	case "expect", "predict", "project", "anticipate", "forecast", "tip", "slate", "set":
		return true
	}
	return false
}

// objectCueVerb reports whether a verb lemma introduces its direct object
// as what the subject said ("confirmed the outreach", "denied the report").
func objectCueVerb(l string) bool {
	switch l {
	case "confirm", "deny", "announce", "report", "reveal", "disclose", "acknowledge",
		"admit", "predict", "dispute", "describe", "allege", "claim":
		return true
	}
	return false
}

// hedgeAdverb reports whether a word hedges the clause it modifies.
func hedgeAdverb(l string) bool {
	switch l {
	case "reportedly", "allegedly", "purportedly", "apparently", "supposedly", "reputedly",
		"ostensibly", "seemingly", "rumoredly":
		return true
	}
	return false
}

// documentNoun reports whether a noun names a report, statement or other
// text that can be the source of a claim.
func documentNoun(l string) bool {
	switch l {
	case "report", "statement", "article", "study", "poll", "survey", "analysis", "story",
		"interview", "document", "memo", "letter", "release", "tweet", "post", "filing",
		"complaint", "indictment", "communique", "communiqué", "transcript", "investigation",
		"assessment", "estimate", "account", "email", "e-mail", "cable", "review", "audit",
		"affidavit", "lawsuit", "ruling", "briefing", "broadcast", "video", "footage",
		"footnote", "paper", "book", "op-ed", "editorial", "column", "message", "note",
		"readout", "declaration", "announcement", "bulletin", "dispatch", "data", "record",
		"records", "figure", "figures", "documents":
		return true
	}
	return false
}

// anonymousNoun reports whether a noun names a source that the text leaves
// unnamed when no name comes with it ("a source", "two officials").
func anonymousNoun(l string) bool {
	switch l {
	case "source", "official", "officer", "diplomat", "person", "people", "aide", "insider",
		"adviser", "advisor", "staffer", "member", "witness", "resident", "lawmaker",
		"legislator", "observer", "analyst", "expert", "negotiator", "envoy", "minister",
		"commander", "employee", "operative", "strategist", "consultant", "individual",
		"spokesman", "spokeswoman", "spokesperson", "representative", "delegate", "activist",
		"someone", "one", "another", "other", "others":
		return true
	}
	return false
}

// number returns the value of a cardinal written in digits or in words up
// to twenty, or of "a"/"an"/"one"; 0 when s is none of them.
func number(s string) int {
	s = strings.ToLower(s)
	switch s {
	case "a", "an", "one", "single", "another":
		return 1
	case "two", "both", "pair":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	case "twenty":
		return 20
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e6 {
			return 0
		}
		n = 10*n + int(r-'0')
	}
	return n
}

// isQuote reports whether a token is a quotation mark.
func isQuote(s string) bool {
	switch s {
	case "\"", "“", "”", "''", "``", "‘", "’", "'", "«", "»":
		return true
	}
	return false
}

// cueNoun reports whether a noun lemma names an act of saying, thinking
// or taking a stand whose holder and matter a phrase can give ("criticism
// of", "support for", "decision to", "claim that").
func cueNoun(l string) bool {
	// Measured one by one on news annotations: the nouns whose uses are
	// mostly not attributions ("threat", "response", "request for
	// comment", "position", "demand") are left out.
	switch l {
	case "criticism", "critique", "support", "call", "statement", "decision", "plan", "question",
		"attack", "claim", "view", "promise", "fear", "complaint", "warning", "hope", "suggestion",
		"concern", "comment", "endorsement", "assertion", "proposal", "argument", "advice", "vow",
		"refusal", "allegation", "contention", "belief", "doubt", "opposition", "praise",
		"condemnation", "denial", "pledge", "accusation", "insistence", "objection", "rejection",
		"announcement", "admission", "acknowledgment", "acknowledgement", "prediction", "opinion",
		"stance", "intention", "commitment", "remark", "defense", "defence", "insult",
		"characterization", "assessment", "skepticism", "scepticism", "enthusiasm", "disdain",
		"contempt", "admiration", "respect", "outrage", "disapproval", "approval":
		return true
	}
	return false
}

// nounPrep reports whether preposition p after cue noun l introduces what
// the noun is about ("criticism of", "support for", "attacks on").
func nounPrep(l, p string) bool {
	switch p {
	case "of", "for", "on", "about", "against", "over", "toward", "towards", "regarding":
		return true
	case "to":
		switch l {
		case "opposition", "objection", "commitment", "call", "support":
			return true
		}
	}
	return false
}

// thatNoun reports whether a cue noun takes a "that" clause as what is
// said or thought ("the claim that", "fears that").
func thatNoun(l string) bool {
	switch l {
	case "claim", "view", "fear", "hope", "warning", "suggestion", "concern", "assertion",
		"argument", "belief", "doubt", "worry", "allegation", "contention", "statement",
		"promise", "pledge", "threat", "accusation", "insistence", "announcement", "admission",
		"acknowledgment", "acknowledgement", "prediction", "opinion", "position", "complaint",
		"comment", "remark", "suspicion", "denial", "notion", "idea", "recommendation":
		return true
	}
	return false
}

// lightVerb reports whether a verb lemma, with a cue noun as its object,
// makes a phrase whose subject holds the noun's stance ("made the decision
// to", "voiced support for", "raised questions about").
func lightVerb(l string) bool {
	switch l {
	case "make", "issue", "voice", "express", "raise", "lend", "throw", "offer", "launch",
		"level", "unleash", "press", "renew", "give", "have", "hold", "share", "pose", "reiterate",
		"repeat", "take", "stake", "publish", "release", "put", "deliver", "mount", "step":
		return true
	}
	return false
}

// ownPronoun reports whether a word is a first or second person
// possessive ("my view", "our plan").
func ownPronoun(l string) bool {
	switch l {
	case "my", "our", "your", "mine", "ours", "yours":
		return true
	}
	return false
}

// viewVerb reports whether a verb lemma, with an object, gives its
// subject's view of or dealings with what the object names, as a stance
// ("expects a close race", "recounted the meeting", "deemed it unfair").
// (Measured one by one on news annotations, kept apart from stanceVerb,
// whose participles are stances too.)
func viewVerb(l string) bool {
	switch l {
	case "expect", "envision", "assure", "recount", "recall", "credit", "reference", "email",
		"detail", "underplay", "insult", "deem", "rebut", "present", "chant", "know",
		"congratulate", "respond", "share":
		return true
	}
	return false
}

// thinkVerb reports whether a verb lemma gives what its subject thinks,
// knows or wishes ("he said he believed ..."): inside what someone said,
// part of what was said.
func thinkVerb(l string) bool {
	switch l {
	case "think", "believe", "know", "feel", "hope", "see", "fear", "expect", "suspect", "doubt",
		"worry", "wonder", "understand", "realize", "guess", "figure", "assume", "reckon",
		"imagine", "want":
		return true
	}
	return false
}

// knownVerb reports whether a verb lemma is in one of the verb classes of
// the rules.
func knownVerb(l string) bool {
	return cueVerb(l) || speechVerb(l) || stanceVerb(l) || viewVerb(l) || seemVerb(l) || directiveVerb(l)
}

// verbLemma returns the lemma of a verb written text, mending the
// lemmatizer's slips on verbs ending in "e" ("declined": "declin",
// "noting": "not", "blasted": "blaste") when the mended lemma is a verb of
// the rules and the given one is not.
func verbLemma(l, text string) string {
	if text == l || !strings.HasPrefix(text, l) || knownVerb(l) {
		return l
	}
	if knownVerb(l + "e") {
		return l + "e"
	}
	if t := strings.TrimSuffix(l, "e"); t != l && knownVerb(t) {
		return t
	}
	return l
}

// stancePrep reports whether a preposition, marking a clause under a
// stance verb, introduces what the stance is about ("called for Trump to
// go", "talked about how she won", "warned against cutting").
func stancePrep(l string) bool {
	switch l {
	case "for", "about", "against", "of", "over":
		return true
	}
	return false
}

// lightNoun reports whether a noun lemma is a cue only as the object of a
// light verb ("made no mention of", "made the observation that", "made a
// plea for", "offered an apology to"); alone it is mostly no attribution.
func lightNoun(l string) bool {
	switch l {
	case "mention", "observation", "plea", "apology", "joke", "reference", "pronouncement",
		"overture", "pitch", "allegation", "accusation":
		return true
	}
	return false
}

// capitalised reports whether a word begins with an upper-case letter.
func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}
