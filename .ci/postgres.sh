#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback for the tests that need a server, and print the
# admin URL they use (SST_TEST_DATABASE_URL). Usage: eval "$(bash .ci/postgres.sh DIR [PORT] [tls])"
# With "tls" the server also speaks TLS (ssl=on), with a certificate for localhost and 127.0.0.1
# signed by a throwaway certificate authority made here with openssl (SST_TEST_POSTGRES_CA names it).
# Installs Debian's postgresql package when it is absent (CI runs as root). initdb refuses to run
# as root, hence runuser. The cluster is trust-authenticated, listens only on 127.0.0.1, and has
# fsync off: it lives for one test run.
set -euo pipefail
dir="${1:?cluster folder}"
# A free loopback port unless one is given.
tls="${3:-}"
port="${2:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "Installing PostgreSQL…" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_postgres=()
if [ "$(id -u)" = 0 ]; then
    as_postgres=(runuser -u postgres --)
fi
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
"${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# One role must give a password (the tests of asking for one and of .pgpass); every other is trusted.
printf 'host all sst_password_test 127.0.0.1/32 scram-sha-256\n%s\n' "$(cat "$dir/data/pg_hba.conf")" >"$dir/data/pg_hba.conf.new"
mv "$dir/data/pg_hba.conf.new" "$dir/data/pg_hba.conf"
[ "$(id -u)" = 0 ] && chown postgres "$dir/data/pg_hba.conf"
options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
if [ "$tls" = tls ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=SST test CA" -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
        -keyout "$dir/data/server.key" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$dir/san.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
        -days 2 -extfile "$dir/san.ext" -out "$dir/data/server.crt" 2>/dev/null
    chmod 600 "$dir/data/server.key"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/data/server.key" "$dir/data/server.crt"
    options="$options -c ssl=on"
fi
"${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "$options" -w start >/dev/null
echo "export SST_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres"
[ "$tls" = tls ] && echo "export SST_TEST_POSTGRES_CA=$dir/ca.crt"
echo "export SST_TEST_POSTGRES_STOP='${as_postgres[*]} $bin/pg_ctl -D $dir/data -m immediate stop'"
