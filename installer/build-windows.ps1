# Builds the Windows per-user MSI and the portable zip. Run on Windows from the project root in
# PowerShell, after `mvn -DskipTests package` (which fills target\lib with the Windows JavaFX jars):
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 -Version 0.1.0
# Needs: JDK 17 (JAVA_HOME) with jmods, and WiX Toolset 3.14 (candle.exe, light.exe) on PATH.
param([Parameter(Mandatory = $true)][string]$Version)
$ErrorActionPreference = 'Stop'
$jdk = $env:JAVA_HOME
$work = 'target\installer-work'
$out = 'target\installer'
Remove-Item -Recurse -Force $work, $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory $work\input, $work\javafx, $work\natives, $out | Out-Null

Get-ChildItem target\lib\*.jar | ForEach-Object {
    if ($_.Name -like 'javafx-*-win.jar') {
        Copy-Item $_.FullName $work\javafx
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($_.FullName)
        $zip.Entries | Where-Object { $_.Name -like '*.dll' } | ForEach-Object {
            [IO.Compression.ZipFileExtensions]::ExtractToFile($_, "$work\natives\$($_.Name)", $true) }
        $zip.Dispose()
    } elseif ($_.Name -notlike 'javafx-*') {
        Copy-Item $_.FullName $work\input
    }
}
Copy-Item target\resolve.jar $work\input

$modules = (Get-Content installer\modules.txt -Raw) -replace '\s', ''
& "$jdk\bin\jlink" --module-path "$jdk\jmods;$work\javafx" --add-modules $modules `
    --include-locales en,en-GB --strip-debug --no-header-files --no-man-pages --compress=2 `
    --output $work\runtime
Copy-Item $work\natives\*.dll $work\runtime\bin

$common = @('--name', 'Resolve', '--app-version', $Version, '--vendor', 'Resolve',
    '--description', 'Resolution of professional differences in safeguarding',
    '--copyright', 'Apache License 2.0', '--icon', 'installer\resolve.ico',
    '--input', "$work\input", '--main-jar', 'resolve.jar', '--main-class', 'uk.resolve.boot.Main',
    '--runtime-image', "$work\runtime",
    '--java-options', '-Xmx512m -Dfile.encoding=UTF-8 -Duser.language=en -Duser.country=GB')

# Portable zip: the app-image, runnable from any folder the user can write to.
& "$jdk\bin\jpackage" --type app-image @common --dest $out
Compress-Archive -Path "$out\Resolve" -DestinationPath "$out\Resolve-$Version-portable.zip"

# Per-user MSI: installs under %LOCALAPPDATA%\Programs without admin rights.
& "$jdk\bin\jpackage" --type msi @common --dest $out `
    --win-per-user-install --win-menu --win-menu-group 'Resolve' --win-shortcut-prompt `
    --win-upgrade-uuid 'c8b1f0a2-5d2e-4b7e-9a51-3f6d2b9e7c41' --win-dir-chooser
Write-Host "Built $out\Resolve-$Version.msi and $out\Resolve-$Version-portable.zip"
