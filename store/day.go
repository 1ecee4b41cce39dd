package store

// daySchema returns migration 6: each event keeps the day it is counted
// on (Row.Day, eventDay: its date start, else its document's publication
// day, "" when neither is known), filled for the stored events and indexed
// with the event's row id, so that lists in day order, and day ranges,
// read the index rather than sorting what they select.
func daySchema() []string {
	return []string{
		`ALTER TABLE events ADD COLUMN day TEXT NOT NULL DEFAULT ''`,
		`UPDATE events SET day = COALESCE(date_start,
			(SELECT substr(d.published, 1, 10) FROM documents d WHERE d.id = events.doc), '')`,
		`CREATE INDEX events_day ON events (day, id)`,
	}
}
