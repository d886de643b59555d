#!/bin/sh
# Makes the released API a module is baselined against available to Maven: builds the module as it was at the
# release commit (from git history) and installs it in the local repository as GROUP:ARTIFACT:RELEASE_VERSION.
# Run by the build (exec-maven-plugin) before bnd's baseline check; does nothing when that version is installed.
# usage: api-baseline.sh ROOT LOCAL_REPO GROUP ARTIFACT MODULE_DIR RELEASE_COMMIT RELEASE_VERSION
set -eu
root=$1 repo=$2 group=$3 artifact=$4 module=$5 commit=$6 version=$7
jar="$repo/$(echo "$group" | tr . /)/$artifact/$version/$artifact-$version.jar"
[ -f "$jar" ] && exit 0
if ! git -C "$root" cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "quire: cannot baseline $artifact: release commit $commit of $artifact $version is not in this clone's history." >&2
  echo "quire: clone with full history (not --depth), or run 'git fetch --unshallow'." >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$commit" pom.xml bundles/pom.xml "$module" | tar -x -C "$work"
echo "quire: building $artifact $version (the API as released in $commit) to baseline against" >&2
"$root/mvnw" -o -q -B -Dmaven.repo.local="$repo" -DskipTests -Dquire.baseline.skip=true \
  -f "$work/$module/pom.xml" package
built=$(ls "$work/$module/target/$artifact"-*.jar | grep -v -e sources -e javadoc | head -n 1)
"$root/mvnw" -o -q -B -Dmaven.repo.local="$repo" install:install-file -Dfile="$built" \
  -DgroupId="$group" -DartifactId="$artifact" -Dversion="$version" -Dpackaging=jar
