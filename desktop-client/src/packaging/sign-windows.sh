#!/usr/bin/env bash
# Signs Windows files through Azure Trusted Signing (the "signing service" of issue 20): signtool
# with Microsoft's Trusted Signing dlib, which takes its credentials from AZURE_TENANT_ID,
# AZURE_CLIENT_ID and AZURE_CLIENT_SECRET. package.sh calls it (as WINDOWS_SIGN_COMMAND) with the
# launcher and JavaFX's DLLs before the .msi is made from them, then with the .msi.
#
# Needs: TRUSTED_SIGNING_DLIB (path to Azure.CodeSigning.Dlib.dll), TRUSTED_SIGNING_ENDPOINT (e.g.
# https://weu.codesigning.azure.net), TRUSTED_SIGNING_ACCOUNT, TRUSTED_SIGNING_PROFILE.
# Usage: sign-windows.sh FILE...
set -euo pipefail

: "${TRUSTED_SIGNING_DLIB:?path to Azure.CodeSigning.Dlib.dll}"
: "${TRUSTED_SIGNING_ENDPOINT:?Trusted Signing endpoint}"
: "${TRUSTED_SIGNING_ACCOUNT:?Trusted Signing account name}"
: "${TRUSTED_SIGNING_PROFILE:?Trusted Signing certificate profile}"

# signtool ships with the Windows SDK on the runners; take the newest x64 one.
signtool=$(ls -d "/c/Program Files (x86)/Windows Kits/10/bin/"*/x64/signtool.exe 2>/dev/null | sort -V | tail -1)
[ -n "$signtool" ] || { echo "signtool.exe not found" >&2; exit 1; }

metadata=$(mktemp --suffix=.json)
trap 'rm -f "$metadata"' EXIT
printf '{"Endpoint":"%s","CodeSigningAccountName":"%s","CertificateProfileName":"%s"}\n' \
  "$TRUSTED_SIGNING_ENDPOINT" "$TRUSTED_SIGNING_ACCOUNT" "$TRUSTED_SIGNING_PROFILE" > "$metadata"

"$signtool" sign -v -fd SHA256 -tr "http://timestamp.acs.microsoft.com" -td SHA256 \
  -dlib "$TRUSTED_SIGNING_DLIB" -dmdf "$(cygpath -w "$metadata")" "$@"
"$signtool" verify -pa -v "$@"
