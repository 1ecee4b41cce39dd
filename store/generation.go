package store

import (
	"context"
	"fmt"
)

// Generation returns a number that grows whenever documents are stored:
// the greatest document row id (0 for an empty store). Readers that keep
// answers derived from the store (a server's response cache) compare it
// to know when they are stale. Merging again (Remerge) does not change it.
func (s *DB) Generation(ctx context.Context) (int64, error) {
	var g int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM documents`).Scan(&g); err != nil {
		return 0, fmt.Errorf("generation of %s: %w", s.name, err)
	}
	return g, nil
}
