; Inno Setup script for Dentasync Desktop. Built by packaging/build.py --installer on Windows:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\DentasyncDesktop /Odist packaging\windows\dentasync.iss
; The uninstaller removes the program only: the database, backups and attachments in the user's
; data folder (%LOCALAPPDATA%\Dentasync\DentasyncDesktop) are kept.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\DentasyncDesktop"
#endif

[Setup]
AppId={{6F0B7C2E-3D4A-4E21-9B5C-D3A1C0FFEE42}
AppName=Dentasync Desktop
AppVersion={#AppVersion}
AppPublisher=Dentasync
DefaultDirName={autopf}\Dentasync Desktop
DefaultGroupName=Dentasync Desktop
DisableProgramGroupPage=yes
OutputBaseFilename=DentasyncDesktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\dentasync.ico
UninstallDisplayIcon={app}\DentasyncDesktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Dentasync Desktop"; Filename: "{app}\DentasyncDesktop.exe"
Name: "{group}\Dentasync Desktop (demo data)"; Filename: "{app}\DentasyncDesktop.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,Dentasync Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Dentasync Desktop"; Filename: "{app}\DentasyncDesktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\DentasyncDesktop.exe"; Description: "{cm:LaunchProgram,Dentasync Desktop}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote next to its files; user data lives elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
