package export_test

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The field lists of the PLOVER manual's "Data Fields" chapter: the
// "PLOVER JSON" table (with which fields are required) and the entity,
// text, citation and location objects, each field with the kind of value
// the manual gives it.
var (
	ploverFields = map[string]string{
		"id": "string", "has_event": "bool", "date": "date", "time": "string", "enddate": "date",
		"endtime": "string", "actor": "entities", "recipient": "entities", "event": "categories",
		"event_loc": "location", "event_text": "strings", "quad_code": "quad", "event_scale": "number",
		"mode": "strings", "context": "strings", "link": "string", "text": "string", "text_info": "textInfo",
		"cite_info": "citeInfo", "coder": "string", "coded_date": "date", "coded_time": "string",
		"comment": "string",
	}
	ploverRequired = []string{"id", "date", "actor", "event"}
	ploverObjects  = map[string]map[string]string{
		"entity": {"code": "string", "sector": "string", "entity_text": "string", "identifier_id": "string",
			"identifier_text": "string", "religion": "string", "ethnicity": "string", "office": "string",
			"gender": "string", "age": "int"},
		"textInfo": {"sequence": "int", "start": "int", "end": "int", "text_story": "strings"},
		"citeInfo": {"corpus": "string", "citation": "string", "url": "string", "title": "string",
			"language": "string", "publication": "string", "license": "string", "copyright": "string",
			"coder": "string", "codebook": "string", "version": "string"},
		"location": {"extracted_place": "string", "resolved_place": "string", "geonameid": "int", "lat": "number",
			"lon": "number", "city": "string", "district": "string", "province": "string", "country": "string",
			"country_code": "string", "feature_class": "string", "feature_code": "string", "resolution": "int"},
	}
	// The event categories of the manual's chapter "Event Categories".
	ploverCategories = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	ymd = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// validatePLOVER checks one exported object against the manual's fields.
func validatePLOVER(obj map[string]any) []error {
	var errs []error
	for _, f := range ploverRequired {
		if _, ok := obj[f]; !ok {
			errs = append(errs, fmt.Errorf("required field %q missing", f))
		}
	}
	return append(errs, validateFields("", obj, ploverFields)...)
}

// validateFields checks that every field of obj is one of fields and of
// its kind.
func validateFields(path string, obj map[string]any, fields map[string]string) []error {
	var errs []error
	for k, v := range obj {
		kind, ok := fields[k]
		if !ok {
			errs = append(errs, fmt.Errorf("%s%s: not a PLOVER field", path, k))
			continue
		}
		if err := checkKind(path+k, kind, v); err != nil {
			errs = append(errs, err...)
		}
	}
	return errs
}

// checkKind checks the value v of field name against kind.
func checkKind(name, kind string, v any) []error {
	bad := []error{fmt.Errorf("%s: %v (%T) is not a %s", name, v, v, kind)}
	switch kind {
	case "string":
		if _, ok := v.(string); !ok {
			return bad
		}
	case "bool":
		if _, ok := v.(bool); !ok {
			return bad
		}
	case "date":
		if s, ok := v.(string); !ok || !ymd.MatchString(s) {
			return bad
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return bad
		}
	case "int", "quad":
		n, ok := v.(float64)
		if !ok || n != math.Trunc(n) || kind == "quad" && (n < 1 || n > 4) {
			return bad
		}
	case "strings", "categories", "entities":
		list, ok := v.([]any)
		if !ok {
			return bad
		}
		var errs []error
		for i, item := range list {
			elem := fmt.Sprintf("%s[%d]", name, i)
			switch kind {
			case "strings":
				errs = append(errs, checkKind(elem, "string", item)...)
			case "categories":
				if s, ok := item.(string); !ok || !slices.Contains(ploverCategories, s) {
					errs = append(errs, fmt.Errorf("%s: %v is not a PLOVER event category", elem, item))
				}
			default:
				errs = append(errs, checkKind(elem, "entity", item)...)
			}
		}
		return errs
	default: // an object
		obj, ok := v.(map[string]any)
		if !ok {
			return bad
		}
		return validateFields(name+".", obj, ploverObjects[kind])
	}
	return nil
}

func TestPLOVERValidates(t *testing.T) {
	out, _ := run(t, "plover")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d PLOVER objects, want 2", len(lines))
	}
	for i, l := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, err := range validatePLOVER(obj) {
			t.Errorf("line %d: %v", i+1, err)
		}
	}
}

// The validator itself must fail on objects that break the manual.
func TestPLOVERValidatorRejects(t *testing.T) {
	tests := []struct{ name, obj string }{
		{"no id", `{"date":"2026-03-09","actor":[],"event":["AGREE"]}`},
		{"bad date", `{"id":"x","date":"9 March","actor":[],"event":["AGREE"]}`},
		{"unknown field", `{"id":"x","date":"2026-03-09","actor":[],"event":["AGREE"],"cameo":"036"}`},
		{"unknown category", `{"id":"x","date":"2026-03-09","actor":[],"event":["APPEAL"]}`},
		{"entity field", `{"id":"x","date":"2026-03-09","actor":[{"kode":"USA"}],"event":["AGREE"]}`},
		{"quad out of range", `{"id":"x","date":"2026-03-09","actor":[],"event":["AGREE"],"quad_code":5}`},
		{"location type", `{"id":"x","date":"2026-03-09","actor":[],"event":["AGREE"],"event_loc":{"lat":"35"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var obj map[string]any
			if err := json.Unmarshal([]byte(tt.obj), &obj); err != nil {
				t.Fatal(err)
			}
			if len(validatePLOVER(obj)) == 0 {
				t.Error("accepted")
			}
		})
	}
}
