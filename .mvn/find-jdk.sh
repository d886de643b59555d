# Sourced by ./quire and ./mvnw: picks a JDK >= 21 and the JVM flags that suit it.
# JAVA_HOME wins when it is a JDK >= 21; otherwise the newest JDK under /usr/lib/jvm.
quire_java_major() { # prints the feature version of "$1/bin/java", or nothing
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
quire_find_jdk() {
  local v best="" best_v=0 dir
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(quire_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ -x "$JAVA_HOME/bin/javac" ]; then return 0; fi
  fi
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    v=$(quire_java_major "$dir")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "quire: needs a JDK 21 or newer; none found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
quire_find_jdk || exit 1
QUIRE_JAVA_MAJOR=$(quire_java_major "$JAVA_HOME")
# Lucene's vector code and MMapDirectory, SWT's JNI; Felix needs sun.misc.Unsafe on 24+ (flag unknown before 23).
QUIRE_JVM_FLAGS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
QUIRE_MAVEN_FLAGS="--enable-native-access=ALL-UNNAMED"
if [ "$QUIRE_JAVA_MAJOR" -ge 24 ]; then
  QUIRE_JVM_FLAGS="$QUIRE_JVM_FLAGS --sun-misc-unsafe-memory-access=allow"
  QUIRE_MAVEN_FLAGS="$QUIRE_MAVEN_FLAGS --sun-misc-unsafe-memory-access=allow"
fi
export JAVA_HOME QUIRE_JAVA_MAJOR QUIRE_JVM_FLAGS
