# Finds a JDK 21 or newer: JAVA_HOME first, then the java on PATH, then /usr/lib/jvm.
# Sourced by ./rollbridge; prints the JDK's home on stdout, or explains on stderr and returns 1.

jdk_major() { # $1: a JDK home; prints its major version, or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}          # 1.8 -> 8
  echo "${v%%[.+-]*}"
}

find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$home")
  fi
  for home in /usr/lib/jvm/*; do [ -d "$home" ] && candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    major=$(jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$home"; return 0
    fi
  done
  {
    echo "Rollbridge needs a Java Development Kit (JDK), version 21 or newer, and none was found."
    echo "Looked in: JAVA_HOME (${JAVA_HOME:-not set}), the java on PATH, and /usr/lib/jvm."
    echo "Install one (for example: apt-get install -y openjdk-21-jdk-headless, or Temurin 21 from adoptium.net)"
    echo "or set JAVA_HOME to its folder, then run the command again."
  } >&2
  return 1
}
