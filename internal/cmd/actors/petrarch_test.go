package actors

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/kb/petrarch"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/pipeline"
)

// loadModels loads the embedded models once for the tests that run the
// real pipeline.
var loadModels = sync.OnceValues(models.Load)

// importPetrarch converts PETRARCH dictionaries (actor files and agent
// files, told apart by name) with kb/petrarch into a new temporary kb
// directory and returns it. Problems the converter reports are logged,
// not failed on: the Phoenix files hold a few known malformed lines,
// which kb/petrarch's own tests pin down.
func importPetrarch(t *testing.T, files map[string]string) string {
	t.Helper()
	base, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	all := &petrarch.Actors{}
	var agents []petrarch.AgentEntry
	for name, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var errs []error
		if strings.HasSuffix(name, "agents.txt") {
			var e []petrarch.AgentEntry
			e, errs = petrarch.ParseAgents(f, name)
			agents = append(agents, e...)
		} else {
			var a *petrarch.Actors
			a, errs = petrarch.ParseActors(f, name, base)
			all.Merge(a)
		}
		f.Close()
		for _, e := range errs {
			t.Logf("import: %v", e)
		}
	}
	kbAgents, _ := petrarch.ToKB(agents)
	dir := t.TempDir()
	w, err := petrarch.Write(dir, all, kbAgents, petrarch.Options{Base: base})
	if err != nil {
		t.Fatalf("write imported kb: %v", err)
	}
	t.Logf("imported: %d people (%d roles), %d orgs, %d agents", w.People, w.Roles, w.Orgs, w.Agents)
	return dir
}

// runActors runs "sitrep actors --kb dir" with the real pipeline over
// articles and returns the records it prints.
func runActors(t *testing.T, p *pipeline.Pipeline, dir string, arts []doc.Article) []Record {
	t.Helper()
	items := map[string][]cmdtest.Item{}
	var args []string
	args = append(args, "--kb", dir)
	for _, a := range arts {
		name := a.ID + ".txt"
		items[name] = []cmdtest.Item{{Article: a}}
		args = append(args, name)
	}
	f, out, errOut := cmdtest.Factory(p, cmdtest.Reader(items, nil))
	if err := NewCmd(f, nil).Execute(context.Background(), args, f.Out); err != nil {
		t.Fatalf("sitrep actors: %v (%s)", err, errOut)
	}
	var recs []Record
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		recs = append(recs, r)
	}
	return recs
}

// findRecord returns the record of document id whose text is text.
func findRecord(recs []Record, id, text string) (Record, bool) {
	for _, r := range recs {
		if r.Doc == id && r.Text == text {
			return r, true
		}
	}
	return Record{}, false
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestPetrarchImportResolves imports an invented PETRARCH actor dictionary
// (a fictional Slovak minister with dated codes and a synonym, and a
// fictional armed group), loads the result with kb.LoadDirs and checks that
// "sitrep actors --kb DIR" resolves the names to the imported codes, a
// person's code by the article's date.
func TestPetrarchImportResolves(t *testing.T) {
	p, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "Invented.actors.txt")
	dict := "# Invented entries for a test; no such people or groups exist.\n" +
		"ORLANDO_VESPERMANN_\n" +
		"+MINISTER_VESPERMANN_\n" +
		"\t[SVKGOV 20050101-20091231]\n" +
		"\t[SVKELI >20100101]\n" +
		"SILVER_LYNX_BRIGADE_ [SVKREBSLB]\n"
	if err := os.WriteFile(src, []byte(dict), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := importPetrarch(t, map[string]string{"Invented.actors.txt": src})
	k, err := kb.LoadDirs(dir)
	if err != nil {
		t.Fatalf("LoadDirs: %v", err)
	}
	if _, ok := k.Person("pet-orlando-vespermann"); !ok {
		t.Fatalf("imported person pet-orlando-vespermann not in the loaded kb")
	}
	tests := []struct {
		name, date, text string
		mention, code    string
		person           string
	}{
		{"dated code in force", "2007-06-01", "Orlando Vespermann met his Austrian counterpart in Vienna.", "Orlando Vespermann", "SVKGOV", "Orlando Vespermann"},
		{"later code by date", "2012-06-01", "Orlando Vespermann met his Austrian counterpart in Vienna.", "Orlando Vespermann", "SVKELI", "Orlando Vespermann"},
		{"synonym", "2008-03-01", "Minister Vespermann rejected the proposal on Monday.", "Minister Vespermann", "SVKGOV", "Orlando Vespermann"},
		{"organisation", "2008-03-01", "The Silver Lynx Brigade claimed the attack.", "Silver Lynx Brigade", "SVKREBSLB", ""},
	}
	var arts []doc.Article
	for i, tt := range tests {
		arts = append(arts, doc.Article{ID: "a" + string(rune('0'+i)), Text: tt.text, Published: date(tt.date)})
	}
	recs := runActors(t, p, dir, arts)
	for i, tt := range tests {
		r, ok := findRecord(recs, arts[i].ID, tt.mention)
		if !ok {
			t.Errorf("%s: no mention %q in %+v", tt.name, tt.mention, recs)
			continue
		}
		if r.Kind != doc.KindActor || r.Code != tt.code || r.Via != doc.ViaDictionary || tt.person != "" && r.Name != tt.person {
			t.Errorf("%s: %q = %s %s %s %q, want actor %s dictionary %q", tt.name, tt.mention, r.Kind, r.Code, r.Via, r.Name, tt.code, tt.person)
		}
	}
}

// TestPhoenixImportResolves imports the Phoenix actor and agent
// dictionaries from the shared data directory, times loading the imported
// directory, and checks that a synonym known only from Phoenix resolves in
// "sitrep actors --kb DIR".
func TestPhoenixImportResolves(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"} {
		files[name] = sharedtest.Path(t, "data/petrarch2/"+name)
	}
	p, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	dir := importPetrarch(t, files)
	start := time.Now()
	if _, err := kb.LoadDirs(dir); err != nil {
		t.Fatalf("LoadDirs: %v", err)
	}
	t.Logf("kb.LoadDirs with the imported Phoenix directory: %v", time.Since(start))

	// "+STEINGRIMUR_J._SIGFUSSON" is a synonym of STEINGRIMUR_SIGFUSSON,
	// coded [ISLGOV >090301]; the embedded kb does not know him.
	const text = "Steingrimur J. Sigfusson said the budget would be cut."
	base, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range base.People {
		if strings.Contains(pr.Name, "Sigfusson") {
			t.Fatalf("embedded kb already knows %s; pick another Phoenix-only synonym", pr.Name)
		}
	}
	recs := runActors(t, p, dir, []doc.Article{{ID: "isl", Text: text, Published: date("2010-05-01")}})
	r, ok := findRecord(recs, "isl", "Steingrimur J. Sigfusson")
	if !ok {
		t.Fatalf("no mention of the synonym in %+v", recs)
	}
	if r.Kind != doc.KindActor || r.Code != "ISLGOV" || r.Via != doc.ViaDictionary || !strings.HasPrefix(r.ID, "pet-") {
		t.Errorf("synonym resolved to %+v, want the imported person coded ISLGOV", r)
	}
}
