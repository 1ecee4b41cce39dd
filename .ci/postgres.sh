# shellcheck shell=bash
# Sourced by .ci/run and .ci/with-postgres: postgres_start starts a
# throwaway PostgreSQL cluster for the store tests and exports its URL in
# SITREP_TEST_POSTGRES; the cluster and its files go when the shell exits.
#
# On a Debian machine without PostgreSQL it installs the "postgresql"
# package first (apt-get, non-interactive; through sudo when not root). The
# cluster is initialised in a temporary directory (as the current user, or
# as "postgres" when running as root, since the server refuses to run as
# root), with trust authentication, no fsync and no TCP: it listens only on
# a unix socket in that directory, so it needs no free port and clashes
# with no other server.

# postgres_bindir prints the directory of the newest installed initdb.
postgres_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	done
	if command -v initdb > /dev/null && command -v pg_ctl > /dev/null; then
		dirname "$(command -v initdb)"
		return 0
	fi
	return 1
}

# postgres_install installs the Debian "postgresql" package.
postgres_install() {
	local sudo=()
	if [ "$(id -u)" != 0 ]; then
		if ! command -v sudo > /dev/null; then
			echo "PostgreSQL is not installed and neither root nor sudo can install it" >&2
			return 1
		fi
		sudo=(sudo -n)
	fi
	echo "installing PostgreSQL (apt-get install postgresql)"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
}

# postgres_start starts the cluster and exports SITREP_TEST_POSTGRES.
postgres_start() {
	local bindir
	if ! bindir=$(postgres_bindir); then
		postgres_install
		bindir=$(postgres_bindir) || {
			echo "PostgreSQL installed, but no initdb found" >&2
			return 1
		}
	fi
	PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg.XXXXXX")
	PG_BIN=$bindir
	PG_AS=()
	PG_USER=$(id -un)
	if [ "$(id -u)" = 0 ]; then
		# The server will not run as root.
		PG_USER=postgres
		chown postgres: "$PG_DIR"
		if ! id postgres > /dev/null 2>&1; then
			echo "running as root, and there is no postgres user to run the server as" >&2
			return 1
		fi
		PG_AS=(runuser -u postgres --)
	fi
	trap postgres_stop EXIT
	"${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" --auth=trust --no-sync \
		--encoding=UTF8 --no-locale > "$PG_DIR/initdb.log" 2>&1 || {
		cat "$PG_DIR/initdb.log" >&2
		return 1
	}
	# Port 5432 only names the socket file inside $PG_DIR.
	"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
		-o "-k '$PG_DIR' -p 5432 -c listen_addresses='' -F -c synchronous_commit=off -c full_page_writes=off" \
		start > /dev/null || {
		cat "$PG_DIR/server.log" >&2
		return 1
	}
	"${PG_AS[@]}" "$PG_BIN/createdb" -h "$PG_DIR" -p 5432 -U "$PG_USER" sitrep_test
	export SITREP_TEST_POSTGRES="postgres:///sitrep_test?host=$PG_DIR&port=5432&user=$PG_USER&sslmode=disable"
	echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') at $SITREP_TEST_POSTGRES"
}

# postgres_stop stops the cluster and removes its directory.
postgres_stop() {
	if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
		"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop > /dev/null 2>&1 || true
	fi
	[ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
	PG_DIR=
}
