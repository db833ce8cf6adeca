# Installs httpcodes from its GitHub release on Windows (PowerShell 5.1 or 7):
#
#   irm https://raw.githubusercontent.com/httpcodes/httpcodes/main/install.ps1 | iex
#   & ([scriptblock]::Create((irm https://raw.githubusercontent.com/httpcodes/httpcodes/main/install.ps1))) -Version v0.2.0 -BinDir C:\tools
#
# -BinDir: where to install (default: $env:INSTALL_DIR, else
# %LOCALAPPDATA%\Programs\httpcodes, which is added to the user's PATH).
# -Version: a release tag such as v0.2.0 (default: the latest release).
# It downloads the zip for this machine and checksums.txt, refuses a zip whose
# SHA-256 differs from the one listed, and installs httpcodes.exe.
# $env:HTTPCODES_RELEASES_URL replaces https://github.com/httpcodes/httpcodes/releases
# (files come from <it>/download/TAG/FILE, or <it>/latest/download/FILE).
param(
    [string]$Version = 'latest',
    [string]$BinDir = $env:INSTALL_DIR
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue' # Invoke-WebRequest is slow with its progress bar

$releases = if ($env:HTTPCODES_RELEASES_URL) { $env:HTTPCODES_RELEASES_URL } else { 'https://github.com/httpcodes/httpcodes/releases' }
$defaultDir = -not $BinDir
if ($defaultDir) { $BinDir = Join-Path $env:LOCALAPPDATA 'Programs\httpcodes' }

$arch = switch ($env:PROCESSOR_ARCHITECTURE) {
    'AMD64' { 'amd64' }
    'ARM64' { 'arm64' }
    default { throw "httpcodes install: no release build for $($env:PROCESSOR_ARCHITECTURE); build from source: go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest" }
}

if ($Version -eq 'latest') {
    $base = "$releases/latest/download"
} else {
    if (-not $Version.StartsWith('v')) { $Version = "v$Version" }
    $base = "$releases/download/$Version"
}

$tmp = Join-Path ([IO.Path]::GetTempPath()) ("httpcodes-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $tmp | Out-Null
try {
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    $sums = Join-Path $tmp 'checksums.txt'
    Invoke-WebRequest -UseBasicParsing -Uri "$base/checksums.txt" -OutFile $sums

    # The zip is httpcodes_<version without v>_windows_<arch>.zip; for the
    # latest release its name is read from checksums.txt.
    $suffix = "_windows_$arch.zip"
    $entry = Get-Content $sums | ForEach-Object {
        $f = $_ -split '\s+', 2
        if ($f.Count -eq 2) { [pscustomobject]@{ Hash = $f[0].ToLowerInvariant(); Name = $f[1].TrimStart('*') } }
    } | Where-Object { $_.Name.StartsWith('httpcodes_') -and $_.Name.EndsWith($suffix) } | Select-Object -First 1
    if (-not $entry) { throw "httpcodes install: the release $Version has no archive for windows/$arch" }
    if ($Version -ne 'latest' -and $entry.Name -ne "httpcodes_$($Version.Substring(1))$suffix") {
        throw "httpcodes install: checksums.txt of $Version lists $($entry.Name), not the archive of $Version"
    }

    $zip = Join-Path $tmp $entry.Name
    Write-Host "httpcodes install: downloading $($entry.Name)"
    Invoke-WebRequest -UseBasicParsing -Uri "$base/$($entry.Name)" -OutFile $zip
    $got = (Get-FileHash -Algorithm SHA256 -Path $zip).Hash.ToLowerInvariant()
    if ($got -ne $entry.Hash) {
        throw "httpcodes install: checksum mismatch for $($entry.Name): checksums.txt says $($entry.Hash), the download is $got; nothing was installed"
    }

    $x = Join-Path $tmp 'x'
    Expand-Archive -Path $zip -DestinationPath $x
    $exe = Join-Path $x 'httpcodes.exe'
    if (-not (Test-Path $exe)) { throw "httpcodes install: $($entry.Name) has no httpcodes.exe" }
    New-Item -ItemType Directory -Force -Path $BinDir | Out-Null
    Copy-Item -Force -Path $exe -Destination (Join-Path $BinDir 'httpcodes.exe')

    $installed = & (Join-Path $BinDir 'httpcodes.exe') version
    Write-Host "httpcodes install: installed $installed in $BinDir"
    $userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
    if (-not (($userPath -split ';') -contains $BinDir)) {
        if ($defaultDir) {
            [Environment]::SetEnvironmentVariable('Path', (@($userPath, $BinDir) | Where-Object { $_ }) -join ';', 'User')
            Write-Host "httpcodes install: added $BinDir to your PATH; open a new terminal to use httpcodes"
        } else {
            Write-Host "httpcodes install: $BinDir is not on your PATH: add it to use httpcodes by name"
        }
    }
} finally {
    Remove-Item -Recurse -Force -Path $tmp -ErrorAction SilentlyContinue
}
