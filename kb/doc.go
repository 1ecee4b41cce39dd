// Package kb is sitrep's knowledge base: countries and territories, CAMEO
// sector agents, organisations (intergovernmental bodies, armed non-state
// groups, parties, units, agencies, news outlets), people with time-ranged
// roles, and places with coordinates.
//
// The data is the project's own, kept as human-editable TSV files in
// kb/data and embedded in the binary. Each file is UTF-8; lines starting with
// '#' and empty lines are ignored; the first other line is the header naming
// the columns; every further line is one record with exactly as many
// tab-separated cells as the header. A cell may hold several values
// separated by '|'. Dates are written YYYY, YYYY-MM or YYYY-MM-DD.
//
// The files are:
//
//	countries.tsv  code iso2 name aliases adjectives people capital metonyms region start end
//	agents.tsv     code terms notes
//	orgs*.tsv      id code kind country name aliases start end notes
//	people*.tsv    id name aliases role country code start end   (one row per role)
//	places*.tsv    id name aliases kind country lat lon population parent
//
// Users extend or correct the data with directories holding files of the
// same names (LoadDirs): an entry whose id (code for countries and agents)
// is already known replaces it, any other entry is added. For people, all
// rows with one id in one directory form the person and replace the earlier
// person with that id as a whole.
//
// A loaded KB is read-only and safe for concurrent use.
package kb
