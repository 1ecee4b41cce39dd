package tokenize

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// benchText is news-like text written for the benchmark.
const benchText = `Officials in the capital said on Tuesday that talks between the two governments had stalled, according to three people familiar with the matter. The U.S. envoy, who arrived on Monday, didn't meet the prime minister.

"We are ready to negotiate. We are not ready to surrender," a senior official told reporters. Gen. Maria Lopez, the army's chief of staff, said troops would stay in the north‑eastern provinces "for as long as it takes."

The ministry's statement — issued late on Sept. 14 — said 1,250 people had been displaced and that prices had risen 3.5 percent since Jan. 1. Aid groups, including the U.N. refugee agency and Doctors Without Borders, can't reach the area; they've asked for a ceasefire.

Acme Corp. and Northwind Inc. suspended operations at 5 p.m. local time. Analysts at the firm (www.example.com/report) warned of "a long, costly war" that would hurt the region's economy, e-mail and phone networks, etc. Markets fell.

Rebels' commanders rejected the offer. One of them, Lt. Col. Ahmed al-Rashid, said: "There won't be talks until the shelling stops." The government responded with air strikes on Wednesday...
`

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat(benchText, 2)
	tk := New()
	d := &doc.Doc{Article: doc.Article{Text: text}}
	tk.Process(d)
	perDoc := len(d.Sentences)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tk.Process(d)
	}
	b.ReportMetric(float64(perDoc*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
