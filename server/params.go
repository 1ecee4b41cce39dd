package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"

	"github.com/sitrep/sitrep/store"
)

// limits are the default and greatest limit of an endpoint's list.
type limits struct{ def, max int }

// parseFilter reads the filter of query q: its parameters must be filter
// parameters or extra ones, each given once. The limit defaults to lim.def
// and may not pass lim.max.
func parseFilter(q url.Values, lim limits, extra ...string) (store.Filter, error) {
	var f store.Filter
	// The parameters are named by the filter's JSON tags.
	strs := map[string]*string{"actor": &f.Actor, "country": &f.Country, "sector": &f.Sector, "cameo": &f.Cameo,
		"cameo_root": &f.Root, "plover": &f.PLOVER, "status": &f.Status, "from": &f.From, "to": &f.To,
		"place": &f.Place, "outlet": &f.Outlet, "text": &f.Text}
	for k, vs := range q {
		_, isStr := strs[k]
		if !isStr && !slices.Contains([]string{"merged", "limit", "offset", "order"}, k) && !slices.Contains(extra, k) {
			return f, fmt.Errorf("unknown parameter %q", k)
		}
		if len(vs) > 1 {
			return f, fmt.Errorf("parameter %q given %d times", k, len(vs))
		}
	}
	for k, p := range strs {
		*p = q.Get(k)
	}
	f.Order = store.Order(q.Get("order"))
	if v := q.Get("merged"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return f, fmt.Errorf("merged %q: want true or false", v)
		}
		f.Merged = b
	}
	var err error
	if f.Limit, err = intParam(q, "limit", lim.def); err != nil {
		return f, err
	}
	if f.Offset, err = intParam(q, "offset", 0); err != nil {
		return f, err
	}
	if f.Limit > lim.max {
		return f, fmt.Errorf("limit %d: at most %d", f.Limit, lim.max)
	}
	if f.Limit == 0 {
		f.Limit = lim.def
	}
	if err := f.Validate(); err != nil {
		return f, err
	}
	return f, nil
}

// intParam reads the non-negative integer parameter name of q, def when
// it is absent.
func intParam(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s %q: want a whole number, 0 or more", name, v)
	}
	return n, nil
}
