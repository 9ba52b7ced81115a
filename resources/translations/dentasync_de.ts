<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActivityFeedModel</name>
    <message>
        <source>Activity</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
</context>
<context>
    <name>ActivityTab</name>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>{count} entries, newest first</source>
        <translation>{count} Einträge, neueste zuerst</translation>
    </message>
</context>
<context>
    <name>AdjustPriceDialog</name>
    <message>
        <source>Adjust price</source>
        <translation>Preis anpassen</translation>
    </message>
    <message>
        <source>The order total is now {total}.</source>
        <translation>Der Gesamtbetrag des Auftrags ist derzeit {total}.</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>Neuer Gesamtbetrag</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign “{task}”</source>
        <translation>„{task}“ zuweisen</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Hinzugefügt von</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt am</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Tip: drop files here to attach them.</source>
        <translation>Tipp: Dateien hierher ziehen, um sie anzuhängen.</translation>
    </message>
    <message>
        <source>Select an attachment first</source>
        <translation>Zuerst einen Anhang auswählen</translation>
    </message>
    <message>
        <source>Copy files into the order</source>
        <translation>Dateien in den Auftrag kopieren</translation>
    </message>
    <message>
        <source>Open with the system viewer</source>
        <translation>Mit dem Standardprogramm des Systems öffnen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Anhang entfernen</translation>
    </message>
    <message>
        <source>Remove “{name}” from the order?</source>
        <translation>„{name}“ aus dem Auftrag entfernen?</translation>
    </message>
</context>
<context>
    <name>BatchProgress</name>
    <message>
        <source>Print order forms</source>
        <translation>Auftragsformulare drucken</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n work order(s)…</source>
        <translation>
            <numerusform>%n Auftrag wird gelesen…</numerusform>
            <numerusform>%n Aufträge werden gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n order form(s)…</source>
        <translation>
            <numerusform>%n Auftragsformular wird gesetzt…</numerusform>
            <numerusform>%n Auftragsformulare werden gesetzt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Go to today (Alt+Home)</source>
        <translation>Zu heute springen (Alt+Home)</translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation>Zurück (Alt+Left)</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>Weiter (Alt+Right)</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>Zu einem Datum springen</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Woche</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Monat</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Neuer Termin…</translation>
    </message>
    <message>
        <source>Schedule an appointment for an order (or double-click an empty slot)</source>
        <translation>Einen Termin für einen Auftrag planen (oder auf eine freie Stelle doppelklicken)</translation>
    </message>
    <message>
        <source>Print agenda…</source>
        <translation>Agenda drucken…</translation>
    </message>
    <message>
        <source>The agenda of the day, week or month shown, with the filters in force, as a PDF</source>
        <translation>Die Agenda des angezeigten Tages, der Woche oder des Monats mit den aktiven Filtern als PDF</translation>
    </message>
    <message>
        <source>Search order number, patient, lab, note</source>
        <translation>Auftragsnummer, Patient, Labor, Notiz suchen</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Show only some types of appointment</source>
        <translation>Nur bestimmte Terminarten anzeigen</translation>
    </message>
    <message>
        <source>All labs</source>
        <translation>Alle Labore</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Nur meine</translation>
    </message>
    <message>
        <source>Only events I scheduled</source>
        <translation>Nur von mir geplante Termine</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>Liefertermine</translation>
    </message>
    <message>
        <source>Show orders&apos; due dates as all-day items</source>
        <translation>Liefertermine der Aufträge als ganztägige Einträge anzeigen</translation>
    </message>
    <message>
        <source>Appointments by hour</source>
        <translation>Termine nach Uhrzeit</translation>
    </message>
    <message>
        <source>Days and due dates</source>
        <translation>Tage und Liefertermine</translation>
    </message>
    <message>
        <source>Appointments of the month</source>
        <translation>Termine des Monats</translation>
    </message>
    <message>
        <source>Case not back from the lab</source>
        <translation>Arbeit nicht vom Labor zurück</translation>
    </message>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n Art</numerusform>
            <numerusform>%n Arten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) due</source>
        <translation>
            <numerusform>%n Auftrag fällig</numerusform>
            <numerusform>%n Aufträge fällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) not back from the lab</source>
        <translation>
            <numerusform>%n Arbeit nicht vom Labor zurück</numerusform>
            <numerusform>%n Arbeiten nicht vom Labor zurück</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>Moved the {kind} of {number} to {when}.</source>
        <translation>Termin „{kind}“ von {number} auf {when} verschoben.</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Termin hinzufügen</translation>
    </message>
    <message>
        <source>Added a {kind} to {number}.</source>
        <translation>Termin „{kind}“ zu {number} hinzugefügt.</translation>
    </message>
    <message>
        <source>Edit time</source>
        <translation>Zeit ändern</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Open order {number}</source>
        <translation>Auftrag {number} öffnen</translation>
    </message>
    <message>
        <source>Edit time…</source>
        <translation>Zeit ändern…</translation>
    </message>
    <message>
        <source>New event here…</source>
        <translation>Neuer Termin hier…</translation>
    </message>
    <message>
        <source>Print agenda</source>
        <translation>Agenda drucken</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Repeat new password: the two passwords differ.</source>
        <translation>Neues Passwort wiederholen: Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Check &amp;in scanned orders</source>
        <translation>&amp;Wareneingang scannen</translation>
    </message>
    <message>
        <source>While on, each scanned box label marks its Shipped order Delivered.</source>
        <translation>Solange aktiv, setzt jedes gescannte Boxetikett seinen versandten Auftrag auf „Geliefert“.</translation>
    </message>
    <message>
        <source>  Check-in mode: scan box labels · Esc ends  </source>
        <translation>  Wareneingang: Boxetiketten scannen · Esc beendet  </translation>
    </message>
    <message>
        <source>Check-in mode on: scan the box labels of the cases that came back. Esc ends it.</source>
        <translation>Wareneingang aktiv: Boxetiketten der zurückgekommenen Arbeiten scannen. Esc beendet den Modus.</translation>
    </message>
    <message>
        <source>Check-in mode ended.</source>
        <translation>Wareneingang beendet.</translation>
    </message>
    <message>
        <source> — check-in mode</source>
        <translation> — Wareneingang</translation>
    </message>
    <message>
        <source>{number} ({patient}) checked in: delivered.</source>
        <translation>{number} ({patient}) eingebucht: geliefert.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Check-in undone: {number} is shipped again.</source>
        <translation>Einbuchung rückgängig: {number} ist wieder versandt.</translation>
    </message>
    <message>
        <source>Not checked in: {reason}</source>
        <translation>Nicht eingebucht: {reason}</translation>
    </message>
</context>
<context>
    <name>CommentsFeedModel</name>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>CommentsModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Verfasser</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>edited {when}</source>
        <translation>bearbeitet am {when}</translation>
    </message>
</context>
<context>
    <name>CommentsTab</name>
    <message>
        <source>Edit selected…</source>
        <translation>Auswahl bearbeiten…</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter adds it)</source>
        <translation>Kommentar schreiben… (Ctrl+Enter fügt ihn hinzu)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>Add the comment (Ctrl+Enter)</source>
        <translation>Kommentar hinzufügen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Select one of your comments first</source>
        <translation>Zuerst einen eigenen Kommentar auswählen</translation>
    </message>
    <message>
        <source>Only its author can edit a comment</source>
        <translation>Nur der Verfasser kann einen Kommentar bearbeiten</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Kommentar bearbeiten</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Change customer</source>
        <translation>Kunden ändern</translation>
    </message>
    <message>
        <source>Current customer: {name}</source>
        <translation>Aktueller Kunde: {name}</translation>
    </message>
    <message>
        <source>Type a name or clinic…</source>
        <translation>Name oder Praxis eingeben…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
</context>
<context>
    <name>DatabaseSection</name>
    <message>
        <source>disable: never</source>
        <translation>disable: nie</translation>
    </message>
    <message>
        <source>allow: when the server insists</source>
        <translation>allow: wenn der Server darauf besteht</translation>
    </message>
    <message>
        <source>prefer: when the server offers it</source>
        <translation>prefer: wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>require: always</source>
        <translation>require: immer</translation>
    </message>
    <message>
        <source>verify-ca: always, checking the certificate&apos;s authority</source>
        <translation>verify-ca: immer, mit Prüfung der Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>verify-full: always, checking the certificate and the server name</source>
        <translation>verify-full: immer, mit Prüfung des Zertifikats und des Servernamens</translation>
    </message>
    <message>
        <source>The Dentasync data there is up to date.</source>
        <translation>Die Dentasync-Daten dort sind auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>The database is empty: Dentasync Desktop sets it up at its first start on it.</source>
        <translation>Die Datenbank ist leer: Dentasync Desktop richtet sie beim ersten Start damit ein.</translation>
    </message>
    <message>
        <source>It holds Dentasync data of an earlier version, upgraded at the next start.</source>
        <translation>Sie enthält Dentasync-Daten einer früheren Version, die beim nächsten Start aktualisiert werden.</translation>
    </message>
    <message>
        <source>Its Dentasync data was written by a newer version: update Dentasync Desktop on this PC first.</source>
        <translation>Ihre Dentasync-Daten stammen von einer neueren Version: Aktualisieren Sie zuerst Dentasync Desktop auf diesem PC.</translation>
    </message>
    <message>
        <source>It holds other tables but no Dentasync data: choose an empty database or the clinic&apos;s one.</source>
        <translation>Sie enthält andere Tabellen, aber keine Dentasync-Daten: Wählen Sie eine leere Datenbank oder die der Praxis.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>Dieser &amp;Computer</translation>
    </message>
    <message>
        <source>Clinic se&amp;rver (PostgreSQL)</source>
        <translation>Praxis&amp;server (PostgreSQL)</translation>
    </message>
    <message>
        <source>e.g. clinic-server or 192.168.1.10</source>
        <translation>z. B. praxis-server oder 192.168.1.10</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save database choice</source>
        <translation>Datenbankwahl speichern</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>T&amp;LS mode:</source>
        <translation>T&amp;LS-Modus:</translation>
    </message>
    <message>
        <source>Empty: keep the password already kept for this server</source>
        <translation>Leer: das für diesen Server gespeicherte Passwort behalten</translation>
    </message>
    <message>
        <source>In use now: the clinic server {host}.</source>
        <translation>Jetzt in Gebrauch: der Praxisserver {host}.</translation>
    </message>
    <message>
        <source>In use now: this computer&apos;s file.</source>
        <translation>Jetzt in Gebrauch: die Datei dieses Computers.</translation>
    </message>
    <message>
        <source>The environment variable DENTASYNC_DATABASE_URL chooses the database on this computer; what is saved here applies once it is removed.</source>
        <translation>Die Umgebungsvariable DENTASYNC_DATABASE_URL bestimmt auf diesem Computer die Datenbank; was hier gespeichert wird, gilt erst, wenn sie entfernt ist.</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>Verbindung zu {host} …</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Verbunden: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>Use this computer&apos;s own database file from the next start?

{path}

The clinic server keeps its data, but this PC no longer sees it; the file holds only what was entered on this PC before.</source>
        <translation>Ab dem nächsten Start die eigene Datenbankdatei dieses Computers verwenden?

{path}

Der Praxisserver behält seine Daten, aber dieser PC sieht sie nicht mehr; die Datei enthält nur, was früher auf diesem PC erfasst wurde.</translation>
    </message>
    <message>
        <source>Use the clinic server {host} (database {database}) from the next start?

This PC then works with the server&apos;s data; the data in this computer&apos;s file stays in the file but is not shown while the server is used.</source>
        <translation>Ab dem nächsten Start den Praxisserver {host} (Datenbank {database}) verwenden?

Dieser PC arbeitet dann mit den Daten des Servers; die Daten in der Datei dieses Computers bleiben in der Datei, werden aber nicht angezeigt, solange der Server verwendet wird.</translation>
    </message>
    <message>
        <source>Switch the database</source>
        <translation>Datenbank wechseln</translation>
    </message>
    <message>
        <source>Password not kept</source>
        <translation>Passwort nicht gespeichert</translation>
    </message>
    <message>
        <source>The server was saved, but this computer has no keyring to keep its password in (Windows Credential Manager, the macOS Keychain or a Secret Service such as GNOME Keyring). Set the environment variable DENTASYNC_DATABASE_PASSWORD to the password for the user who starts Dentasync Desktop; it is never written to a file.</source>
        <translation>Der Server wurde gespeichert, aber dieser Computer hat keinen Schlüsselbund für sein Passwort (Windows-Anmeldeinformationsverwaltung, macOS-Schlüsselbund oder ein Secret Service wie GNOME Keyring). Setzen Sie die Umgebungsvariable DENTASYNC_DATABASE_PASSWORD für den Benutzer, der Dentasync Desktop startet, auf das Passwort; es wird nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>the clinic server {host}</source>
        <translation>den Praxisserver {host}</translation>
    </message>
    <message>
        <source>this computer&apos;s file</source>
        <translation>die Datei dieses Computers</translation>
    </message>
    <message>
        <source>Saved. Dentasync Desktop uses {where} from its next start.</source>
        <translation>Gespeichert. Dentasync Desktop verwendet ab dem nächsten Start {where}.</translation>
    </message>
    <message>
        <source>Restart needed</source>
        <translation>Neustart nötig</translation>
    </message>
    <message>
        <source>Saved. Dentasync Desktop switches to {where} when it is next started.

Restart it now?</source>
        <translation>Gespeichert. Dentasync Desktop wechselt beim nächsten Start zu {where}.

Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Database choice saved.</source>
        <translation>Datenbankwahl gespeichert.</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <source>Update due date</source>
        <translation>Liefertermin ändern</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> Min. vorher</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>{time} before</source>
        <translation>{time} vorher</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Select an event first</source>
        <translation>Zuerst einen Termin auswählen</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Als nicht erledigt markieren</translation>
    </message>
    <message>
        <source>Schedule a try-in, delivery, pick-up…</source>
        <translation>Einprobe, Lieferung, Abholung planen…</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Termin hinzufügen</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Termin bearbeiten</translation>
    </message>
    <message>
        <source>Saved. Note: {warning}. Check with the lab before the appointment.</source>
        <translation>Gespeichert. Hinweis: {warning}. Vor dem Termin mit dem Labor abklären.</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Termin löschen</translation>
    </message>
    <message>
        <source>Delete the {kind} on {when}?</source>
        <translation>Termin „{kind}“ am {when} löschen?</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Generate report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>{name} wird geschrieben…</translation>
    </message>
    <message>
        <source>Finishing {name}…</source>
        <translation>{name} wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>FinanceModel</name>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Zahlungsstatus</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Show the work orders of {lab}</source>
        <translation>Aufträge von {lab} anzeigen</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for other programs (*.csv)</source>
        <translation>CSV für andere Programme (*.csv)</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>All payment methods</source>
        <translation>Alle Zahlungsarten</translation>
    </message>
    <message>
        <source>All payment statuses</source>
        <translation>Alle Zahlungsstatus</translation>
    </message>
    <message>
        <source>Generate report…</source>
        <translation>Bericht erstellen…</translation>
    </message>
    <message>
        <source>Save the tab on show, with these filters, as an Excel, PDF or CSV file</source>
        <translation>Den angezeigten Reiter mit diesen Filtern als Excel-, PDF- oder CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Zahlungsstatus</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded from all figures.</source>
        <translation>Stornierte Aufträge sind in keiner Zahl enthalten.</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Dentallabore</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Lab scorecard</source>
        <translation>Laborbewertung</translation>
    </message>
    <message>
        <source>All dental labs</source>
        <translation>Alle Dentallabore</translation>
    </message>
    <message>
        <source>The payment status filter applies to the Work orders tab</source>
        <translation>Der Filter „Zahlungsstatus“ gilt für den Reiter „Aufträge“</translation>
    </message>
    <message>
        <source>The lab scorecard does not depend on the payment method</source>
        <translation>Die Laborbewertung hängt nicht von der Zahlungsart ab</translation>
    </message>
    <message>
        <source>No work orders match these filters.</source>
        <translation>Keine Aufträge entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Counting work orders…</source>
        <translation>Aufträge werden gezählt…</translation>
    </message>
    <message>
        <source>1 work order</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <source>{count} work orders</source>
        <translation>{count} Aufträge</translation>
    </message>
    <message>
        <source>Generate report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>Report saved: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</source>
        <translation>Bericht gespeichert: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>Bericht abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create administrator — Dentasync Desktop</source>
        <translation>Administrator anlegen — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Welcome to Dentasync Desktop</source>
        <translation>Willkommen bei Dentasync Desktop</translation>
    </message>
    <message>
        <source>No administrator</source>
        <translation>Kein Administrator</translation>
    </message>
    <message>
        <source>This is the first start. Create the administrator account; the administrator then adds the accounts of the other users.</source>
        <translation>Dies ist der erste Start. Legen Sie das Administratorkonto an; der Administrator legt danach die Konten der anderen Benutzer an.</translation>
    </message>
    <message>
        <source>This database has no active administrator, so nobody can manage the user accounts. Create an administrator account to continue.</source>
        <translation>Diese Datenbank hat keinen aktiven Administrator, daher kann niemand die Benutzerkonten verwalten. Legen Sie ein Administratorkonto an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Repeat password: the two passwords differ.</source>
        <translation>Passwort wiederholen: Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Dentasync Desktop — user guide</source>
        <translation>Dentasync Desktop — Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>InfoTab</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Zahnfarbe</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Zähne</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>On hold because</source>
        <translation>Zurückgestellt wegen</translation>
    </message>
    <message>
        <source>Remake because</source>
        <translation>Neuanfertigung wegen</translation>
    </message>
    <message>
        <source>Cancelled because</source>
        <translation>Storniert wegen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Patient&apos;s phone</source>
        <translation>Telefon des Patienten</translation>
    </message>
    <message>
        <source>Patient&apos;s contact</source>
        <translation>Ansprechpartner des Patienten</translation>
    </message>
    <message>
        <source>Patient&apos;s address</source>
        <translation>Adresse des Patienten</translation>
    </message>
    <message>
        <source>Lab contact</source>
        <translation>Ansprechpartner des Labors</translation>
    </message>
    <message>
        <source>Lab phone</source>
        <translation>Telefon des Labors</translation>
    </message>
    <message>
        <source>Lab e-mail</source>
        <translation>E-Mail des Labors</translation>
    </message>
    <message>
        <source>Lab address</source>
        <translation>Adresse des Labors</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Gesamt: {total}</translation>
    </message>
    <message>
        <source>Items: {items} · adjustment: {adjustment} · total: {total}</source>
        <translation>Positionen: {items} · Preisanpassung: {adjustment} · Gesamt: {total}</translation>
    </message>
</context>
<context>
    <name>InstallmentsModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Zähne</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Gesamtpreis</translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>Amounts of different currencies are never added up</source>
        <translation>Beträge verschiedener Währungen werden nie addiert</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>No work orders match these filters</source>
        <translation>Keine Aufträge entsprechen diesen Filtern</translation>
    </message>
    <message>
        <source>Paid and outstanding per dental lab ({currency})</source>
        <translation>Bezahlt und offen je Dentallabor ({currency})</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offen</translation>
    </message>
    <message numerus="yes">
        <source>%n other lab(s)</source>
        <translation>
            <numerusform>%n weiteres Labor</numerusform>
            <numerusform>%n weitere Labore</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked — Dentasync Desktop</source>
        <translation>Gesperrt — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>The window was locked after a while without use. {name}, enter your password to continue, or sign out.</source>
        <translation>Das Fenster wurde nach längerer Inaktivität gesperrt. {name}, geben Sie Ihr Passwort ein, um fortzufahren, oder melden Sie sich ab.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dentasync Desktop</source>
        <translation>Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>&amp;Neuer Auftrag…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About Dentasync Desktop</source>
        <translation>&amp;Über Dentasync Desktop</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role})</source>
        <translation>Angemeldet als {name} ({role})</translation>
    </message>
    <message>
        <source>The database file</source>
        <translation>Die Datenbankdatei</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Created work order {number}.</source>
        <translation>Auftrag {number} angelegt.</translation>
    </message>
    <message>
        <source>{action} is not available in this version.</source>
        <translation>{action} ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Aktualisiert.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>About Dentasync Desktop</source>
        <translation>Über Dentasync Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dentasync Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline work orders for dental clinics and dental labs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Data folder:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Backups:&lt;/b&gt; {backups}&lt;br&gt;&lt;b&gt;Log file:&lt;/b&gt; {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dentasync Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline-Auftragsverwaltung für Zahnarztpraxen und Dentallabore.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Datenbank:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Datenordner:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Sicherungen:&lt;/b&gt; {backups}&lt;br&gt;&lt;b&gt;Protokolldatei:&lt;/b&gt; {log}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OrderContext</name>
    <message>
        <source>Your role ({role}) does not allow this action: {action}.</source>
        <translation>Ihre Rolle ({role}) erlaubt diese Aktion nicht: {action}.</translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change lab, patient, dates, items</source>
        <translation>Labor, Patient, Daten und Positionen ändern</translation>
    </message>
    <message>
        <source>Change customer…</source>
        <translation>Kunden ändern…</translation>
    </message>
    <message>
        <source>Plan work</source>
        <translation>Arbeit planen</translation>
    </message>
    <message>
        <source>Open the work plan; plan it from the service templates if it is empty</source>
        <translation>Arbeitsplan öffnen; ist er leer, wird er aus den Vorlagen der Leistungen geplant</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Kopieren…</translation>
    </message>
    <message>
        <source>A new draft with the same items, work plan and attachments</source>
        <translation>Ein neuer Entwurf mit denselben Positionen, demselben Arbeitsplan und denselben Anhängen</translation>
    </message>
    <message>
        <source>Payroll…</source>
        <translation>Vergütung…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Order form and box label</source>
        <translation>Auftragsformular und Boxetikett</translation>
    </message>
    <message>
        <source>Update due date…</source>
        <translation>Liefertermin ändern…</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>Termin hinzufügen…</translation>
    </message>
    <message>
        <source>Schedule a try-in, delivery, pick-up…</source>
        <translation>Einprobe, Lieferung, Abholung planen…</translation>
    </message>
    <message>
        <source>Put on hold…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <source>Mark as remake…</source>
        <translation>Als Neuanfertigung markieren…</translation>
    </message>
    <message>
        <source>Move back…</source>
        <translation>Zurückstufen…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Auftrag stornieren…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Delete order…</source>
        <translation>Auftrag löschen…</translation>
    </message>
    <message>
        <source>Only a draft created by mistake, with no payments, events or attachments</source>
        <translation>Nur ein versehentlich angelegter Entwurf ohne Zahlungen, Termine oder Anhänge</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Zahlung erfassen…</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>Zahlungsplan…</translation>
    </message>
    <message>
        <source>Payment instructions…</source>
        <translation>Zahlungsinformationen…</translation>
    </message>
    <message>
        <source>The lab&apos;s bank details</source>
        <translation>Die Bankverbindung des Labors</translation>
    </message>
    <message>
        <source>Adjust price…</source>
        <translation>Preis anpassen…</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Take off hold</source>
        <translation>Zurückstellung aufheben</translation>
    </message>
    <message>
        <source>{step} (Ctrl+Enter): {before} → {after}</source>
        <translation>{step} (Ctrl+Enter): {before} → {after}</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Start production</source>
        <translation>Produktion starten</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Fertigstellen</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>Versenden…</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Liefern</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Work plan ({done}/{count})</source>
        <translation>Arbeitsplan ({done}/{count})</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Arbeitsplan</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Vergütung</translation>
    </message>
    <message>
        <source>Publish order</source>
        <translation>Auftrag freigeben</translation>
    </message>
    <message>
        <source>Publish {number} and send it to {lab}?</source>
        <translation>{number} freigeben und an {lab} senden?</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>Ship {number}: the parcel&apos;s tracking number.</source>
        <translation>{number} versenden: Sendungsnummer des Pakets.</translation>
    </message>
    <message>
        <source>Copy order</source>
        <translation>Auftrag kopieren</translation>
    </message>
    <message>
        <source>Make a new draft order from {number}, with its items, work plan and attachments?</source>
        <translation>Aus {number} einen neuen Auftragsentwurf mit denselben Positionen, demselben Arbeitsplan und denselben Anhängen erstellen?</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>While on hold the order cannot move forward.</source>
        <translation>Solange der Auftrag zurückgestellt ist, kann er nicht weitergeführt werden.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Zurückstufen</translation>
    </message>
    <message>
        <source>Move {number} back from {before} to {after}.</source>
        <translation>{number} von „{before}“ auf „{after}“ zurückstufen.</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Auftrag stornieren</translation>
    </message>
    <message>
        <source>A cancelled order stays for reference and becomes read-only; it can be reopened as a draft.</source>
        <translation>Ein stornierter Auftrag bleibt zur Einsicht erhalten und ist schreibgeschützt; er kann als Entwurf wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>Really cancel {number}?</source>
        <translation>{number} wirklich stornieren?</translation>
    </message>
    <message>
        <source>Keep order</source>
        <translation>Auftrag behalten</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <source>Delete {number} for good? Its number is not used again and the activity log keeps a note of it.</source>
        <translation>{number} endgültig löschen? Die Nummer wird nicht erneut vergeben, und der Verlauf vermerkt die Löschung.</translation>
    </message>
    <message>
        <source>Reopen order</source>
        <translation>Auftrag wieder öffnen</translation>
    </message>
    <message>
        <source>Reopen {number} as {status}?</source>
        <translation>{number} wieder öffnen (Status: {status})?</translation>
    </message>
</context>
<context>
    <name>OrderEditorDialog</name>
    <message>
        <source>Edit work order {number}</source>
        <translation>Auftrag {number} bearbeiten</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>Type to search patients</source>
        <translation>Tippen, um Patienten zu suchen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Zähne</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Gesamtpreis</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Arbeitsplan</translation>
    </message>
    <message>
        <source>None of the services in the items has task templates that are not planned yet.</source>
        <translation>Keine der Leistungen in den Positionen hat Aufgabenvorlagen, die noch nicht geplant sind.</translation>
    </message>
    <message>
        <source>Due date: documented date plus {lab}&apos;s turnaround of {days} days.</source>
        <translation>Liefertermin: Erfassungsdatum plus Durchlaufzeit von {lab} ({days} Tage).</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(individuell)</translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Diese Position entfernen</translation>
    </message>
    <message>
        <source>The price list has this price in {currency}.</source>
        <translation>Die Preisliste führt diesen Preis in {currency}.</translation>
    </message>
    <message>
        <source>check the prices</source>
        <translation>Preise prüfen</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Gesamt: {total}</translation>
    </message>
    <message>
        <source>Discard this new order?</source>
        <translation>Diesen neuen Auftrag verwerfen?</translation>
    </message>
    <message>
        <source>A new order you were typing on {when} was not saved (the application closed before). Restore it?</source>
        <translation>Ein neuer Auftrag, den Sie am {when} eingegeben haben, wurde nicht gespeichert (die Anwendung wurde vorher beendet). Wiederherstellen?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>OrderEditorForm</name>
    <message>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Dental &amp;lab:</source>
        <translation>Dental&amp;labor:</translation>
    </message>
    <message>
        <source>&amp;Documented:</source>
        <translation>&amp;Erfasst am:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>Lie&amp;fertermin:</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Neuer Patient…</translation>
    </message>
    <message>
        <source>&amp;Shade:</source>
        <translation>&amp;Zahnfarbe:</translation>
    </message>
    <message>
        <source>e.g. A2</source>
        <translation>z. B. A2</translation>
    </message>
    <message>
        <source>Desc&amp;ription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>What the lab should make</source>
        <translation>Was das Labor anfertigen soll</translation>
    </message>
    <message>
        <source>Teeth (FDI)</source>
        <translation>Zähne (FDI)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>Position &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Currenc&amp;y:</source>
        <translation>&amp;Währung:</translation>
    </message>
</context>
<context>
    <name>OrderHeader</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Restbetrag</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>On hold: {reason}</source>
        <translation>Zurückgestellt: {reason}</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Remake of {link}</source>
        <translation>Neuanfertigung von {link}</translation>
    </message>
    <message>
        <source>Remake</source>
        <translation>Neuanfertigung</translation>
    </message>
    <message>
        <source>Copied from {link}</source>
        <translation>Kopiert von {link}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Past the due date</source>
        <translation>Liefertermin überschritten</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Restbetrag</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
</context>
<context>
    <name>OrderListPage</name>
    <message>
        <source>Search patient, customer, lab or description; type or scan a number and press Enter</source>
        <translation>Patient, Kunde, Labor oder Beschreibung suchen; Nummer eingeben oder scannen und Enter drücken</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>Create a new work order (Ctrl+N)</source>
        <translation>Neuen Auftrag anlegen (Ctrl+N)</translation>
    </message>
    <message>
        <source>Print selected…</source>
        <translation>Auswahl drucken…</translation>
    </message>
    <message>
        <source>Print the order forms of the selected orders (Ctrl+click or Shift+click to select several)</source>
        <translation>Auftragsformulare der ausgewählten Aufträge drucken (Ctrl+Klick oder Shift+Klick wählt mehrere aus)</translation>
    </message>
    <message>
        <source>Work orders: {count}</source>
        <translation>Aufträge: {count}</translation>
    </message>
    <message>
        <source>Counting work orders…</source>
        <translation>Aufträge werden gezählt…</translation>
    </message>
    <message>
        <source>All labs</source>
        <translation>Alle Labore</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Any payment</source>
        <translation>Jeder Zahlungsstatus</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>Liefertermin von</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Alle Aufträge</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>Es gibt keinen Auftrag {number}.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>OrderPickerDialog</name>
    <message>
        <source>New event: which order?</source>
        <translation>Neuer Termin: für welchen Auftrag?</translation>
    </message>
    <message>
        <source>Order number, patient, customer or lab</source>
        <translation>Auftragsnummer, Patient, Kunde oder Labor</translation>
    </message>
    <message>
        <source>No order matches (cancelled orders take no events).</source>
        <translation>Kein passender Auftrag (stornierte Aufträge erhalten keine Termine).</translation>
    </message>
    <message>
        <source>Type or scan the order number, or part of the patient&apos;s name:</source>
        <translation>Auftragsnummer eingeben oder scannen oder einen Teil des Patientennamens eingeben:</translation>
    </message>
</context>
<context>
    <name>OrderSidePanel</name>
    <message>
        <source>Activity</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Add payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>PaymentInstructionsDialog</name>
    <message>
        <source>Payment instructions</source>
        <translation>Zahlungsinformationen</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verwendungszweck</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Fälliger Betrag</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>The lab has no bank details yet; add them under Dental labs.</source>
        <translation>Für das Labor ist noch keine Bankverbindung hinterlegt; sie wird unter „Dentallabore“ eingetragen.</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Voided {when}: {reason}</source>
        <translation>Storniert am {when}: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Restbetrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>Zahlungsplan…</translation>
    </message>
    <message>
        <source>Remove plan</source>
        <translation>Plan entfernen</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Zahlungsplan</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Zahlung erfassen…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Stornieren…</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>No payment plan.</source>
        <translation>Kein Zahlungsplan.</translation>
    </message>
    <message>
        <source>{amount} by {method}, due {due}.</source>
        <translation>{amount} per {method}, fällig am {due}.</translation>
    </message>
    <message>
        <source>{amount} by {method} in {count} installments, {every}, from {first}.</source>
        <translation>{amount} per {method} in {count} Raten, {every}, ab {first}.</translation>
    </message>
    <message>
        <source>Change the plan</source>
        <translation>Plan ändern</translation>
    </message>
    <message>
        <source>Set up a plan</source>
        <translation>Plan einrichten</translation>
    </message>
    <message>
        <source>The order has no payment plan</source>
        <translation>Der Auftrag hat keinen Zahlungsplan</translation>
    </message>
    <message>
        <source>Select a payment first</source>
        <translation>Zuerst eine Zahlung auswählen</translation>
    </message>
    <message>
        <source>This payment is already voided</source>
        <translation>Diese Zahlung ist bereits storniert</translation>
    </message>
    <message>
        <source>Remove payment plan</source>
        <translation>Zahlungsplan entfernen</translation>
    </message>
    <message>
        <source>Remove the payment plan and its installments? Recorded payments stay.</source>
        <translation>Den Zahlungsplan und seine Raten entfernen? Erfasste Zahlungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Zahlung stornieren</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Void the payment of {amount} from {date}? It stays on record, struck through, and stops counting.</source>
        <translation>Die Zahlung über {amount} vom {date} stornieren? Sie bleibt durchgestrichen erhalten und zählt nicht mehr.</translation>
    </message>
</context>
<context>
    <name>PayrollDialog</name>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>PayrollModel</name>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Finalized {when}</source>
        <translation>Festgeschrieben am {when}</translation>
    </message>
</context>
<context>
    <name>PayrollTab</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Finalize…</source>
        <translation>Festschreiben…</translation>
    </message>
    <message>
        <source>Total: {amounts}</source>
        <translation>Gesamt: {amounts}</translation>
    </message>
    <message>
        <source>Select a payroll record first</source>
        <translation>Zuerst einen Vergütungseintrag auswählen</translation>
    </message>
    <message>
        <source>The record is finalized and can no longer change</source>
        <translation>Der Eintrag ist festgeschrieben und kann nicht mehr geändert werden</translation>
    </message>
    <message>
        <source>Record what a technician earns on this order</source>
        <translation>Erfassen, was ein Techniker an diesem Auftrag verdient</translation>
    </message>
    <message>
        <source>Add payroll record</source>
        <translation>Vergütungseintrag hinzufügen</translation>
    </message>
    <message>
        <source>Edit payroll record</source>
        <translation>Vergütungseintrag bearbeiten</translation>
    </message>
    <message>
        <source>Finalize payroll record</source>
        <translation>Vergütungseintrag festschreiben</translation>
    </message>
    <message>
        <source>Finalize {amount} for {name}? A finalized record can no longer be changed.</source>
        <translation>{amount} für {name} festschreiben? Ein festgeschriebener Eintrag kann nicht mehr geändert werden.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>every day</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>every {count} {unit}</source>
        <translation>alle {count} {unit}</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Zahlungsplan</translation>
    </message>
    <message>
        <source>Pay in installments</source>
        <translation>In Raten zahlen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Raten</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Erste Fälligkeit</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Ratenplan</translation>
    </message>
    <message numerus="yes">
        <source>%n installment(s), {total} in all</source>
        <translation>
            <numerusform>%n Rate, insgesamt {total}</numerusform>
            <numerusform>%n Raten, insgesamt {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <source>Payment plan</source>
        <translation>Zahlungsplan</translation>
    </message>
    <message>
        <source>Tick to set the payment plan now; it can also be set later from the order&apos;s Payment menu</source>
        <translation>Ankreuzen, um den Zahlungsplan jetzt festzulegen; er kann auch später über das Menü „Zahlung“ des Auftrags festgelegt werden</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Raten</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Erste Fälligkeit</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>{total} (the order total)</source>
        <translation>{total} (Gesamtbetrag des Auftrags)</translation>
    </message>
    <message>
        <source>{count} installments, the last one taking the rounding</source>
        <translation>{count} Raten, die letzte gleicht die Rundung aus</translation>
    </message>
</context>
<context>
    <name>QuickPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Show deactivated</source>
        <translation>Deaktivierte anzeigen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Showing the first {count}; type in the search box to find others.</source>
        <translation>Die ersten {count} werden angezeigt; weitere über das Suchfeld finden.</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>{count} angezeigt</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Delete {noun}</source>
        <translation>{noun} löschen</translation>
    </message>
    <message>
        <source>Delete the {noun} “{name}”? This cannot be undone.

If it is still used somewhere it is deactivated instead, and stays on record.</source>
        <translation>„{name}“ ({noun}) löschen? Dies kann nicht rückgängig gemacht werden.

Wird der Eintrag noch irgendwo verwendet, wird er stattdessen deaktiviert und bleibt erhalten.</translation>
    </message>
    <message>
        <source>Deactivated instead</source>
        <translation>Stattdessen deaktiviert</translation>
    </message>
    <message>
        <source>“{name}” is still referenced, so it was deactivated instead of deleted. It no longer appears in choices for new work.</source>
        <translation>„{name}“ wird noch verwendet und wurde daher deaktiviert statt gelöscht. Der Eintrag erscheint nicht mehr in der Auswahl für neue Aufträge.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
</context>
<context>
    <name>RemakeDialog</name>
    <message>
        <source>Mark as remake</source>
        <translation>Als Neuanfertigung markieren</translation>
    </message>
    <message>
        <source>Remake of order</source>
        <translation>Neuanfertigung von Auftrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ReminderCentre</name>
    <message>
        <source>Dentasync Desktop</source>
        <translation>Dentasync Desktop</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due: click to see them</source>
        <translation>
            <numerusform>%n Erinnerung fällig: zum Anzeigen klicken</numerusform>
            <numerusform>%n Erinnerungen fällig: zum Anzeigen klicken</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>Keine fälligen Erinnerungen</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n Erinnerung fällig</numerusform>
            <numerusform>%n Erinnerungen fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders missed while the app was closed</source>
        <translation>Verpasste Erinnerungen, während die Anwendung geschlossen war</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Alle verwerfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n Erinnerung fällig</numerusform>
            <numerusform>%n Erinnerungen fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>Keine fälligen Erinnerungen</translation>
    </message>
    <message>
        <source>Missed while closed</source>
        <translation>Verpasst, während geschlossen</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n more reminder(s) due. Each one you dismiss or snooze makes room for the next; Dismiss all dismisses them too.</source>
        <translation>
            <numerusform>%n weitere Erinnerung fällig. Jede, die Sie verwerfen oder später erinnern lassen, macht Platz für die nächste; „Alle verwerfen“ verwirft auch diese.</numerusform>
            <numerusform>%n weitere Erinnerungen fällig. Jede, die Sie verwerfen oder später erinnern lassen, macht Platz für die nächste; „Alle verwerfen“ verwirft auch diese.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to remind you of right now. Reminders of appointments, due orders and installments appear here when they come due.</source>
        <translation>Derzeit gibt es keine Erinnerungen. Erinnerungen an Termine, fällige Aufträge und Raten erscheinen hier, sobald sie fällig werden.</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>snoozed, due again {when}</source>
        <translation>verschoben, wieder fällig am {when}</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>fällig am {when}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open order {number}</source>
        <translation>Auftrag {number} öffnen</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später erinnern</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} Std. {m} Min.</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} Std.</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} Min.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Geliefert</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Pünktlich</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Median (Tage)</translation>
    </message>
    <message>
        <source>90% days</source>
        <translation>90 % (Tage)</translation>
    </message>
    <message>
        <source>Remakes</source>
        <translation>Neuanfertigungen</translation>
    </message>
    <message>
        <source>Remake rate</source>
        <translation>Neuanfertigungsquote</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Ø Tage Verspätung</translation>
    </message>
    <message>
        <source>Delivered on or before the due date, of the deliveries that had a due date</source>
        <translation>Am oder vor dem Liefertermin geliefert, bezogen auf die Lieferungen mit Liefertermin</translation>
    </message>
    <message>
        <source>Sent to the lab to delivered</source>
        <translation>Von der Übergabe an das Labor bis zur Lieferung</translation>
    </message>
    <message>
        <source>Nine in ten cases came back within this many days</source>
        <translation>Neun von zehn Arbeiten kamen innerhalb so vieler Tage zurück</translation>
    </message>
    <message>
        <source>Averaged over the late deliveries</source>
        <translation>Durchschnitt über die verspäteten Lieferungen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>(no service)</source>
        <translation>(keine Leistung)</translation>
    </message>
</context>
<context>
    <name>ScorecardTab</name>
    <message>
        <source>Double-click a lab to see its work orders</source>
        <translation>Doppelklick auf ein Labor zeigt seine Aufträge</translation>
    </message>
    <message>
        <source>Orders documented in the period. Turnaround: sent to the lab to delivered; on time: delivered on or before the due date.</source>
        <translation>Im Zeitraum erfasste Aufträge. Durchlaufzeit: von der Übergabe an das Labor bis zur Lieferung; pünktlich: am oder vor dem Liefertermin geliefert.</translation>
    </message>
    <message>
        <source>Turnaround by service: {lab}</source>
        <translation>Durchlaufzeit nach Leistung: {lab}</translation>
    </message>
    <message>
        <source>Turnaround by service, every lab (select a lab to narrow it)</source>
        <translation>Durchlaufzeit nach Leistung, alle Labore (ein Labor auswählen, um einzugrenzen)</translation>
    </message>
    <message>
        <source>No deliveries to rate in this period</source>
        <translation>Keine Lieferungen in diesem Zeitraum zu bewerten</translation>
    </message>
    <message>
        <source>On-time deliveries per dental lab</source>
        <translation>Pünktliche Lieferungen je Dentallabor</translation>
    </message>
    <message>
        <source>On time (%)</source>
        <translation>Pünktlich (%)</translation>
    </message>
</context>
<context>
    <name>SectionCard</name>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>Total: {amounts}</source>
        <translation>Gesamt: {amounts}</translation>
    </message>
    <message>
        <source>showing the first {shown} of {count}</source>
        <translation>die ersten {shown} von {count} werden angezeigt</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>US Letter (8,5 × 11 Zoll)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>After this many minutes without keyboard or mouse input, the window is locked until the signed-in user enters their password again. 0: never.</source>
        <translation>Nach so vielen Minuten ohne Tastatur- oder Mauseingabe wird das Fenster gesperrt, bis der angemeldete Benutzer sein Passwort erneut eingibt. 0: nie.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Default &amp;currency:</source>
        <translation>Standard&amp;währung:</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>&amp;Papierformat:</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>Sicherungs&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Lock when idle after:</source>
        <translation>Bei &amp;Inaktivität sperren nach:</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Sicherung und Wiederherstellung</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>These details appear on printed order forms and reports.</source>
        <translation>Diese Angaben erscheinen auf gedruckten Auftragsformularen und Berichten.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>Restart Dentasync Desktop to see it in the new language.</source>
        <translation>Starten Sie Dentasync Desktop neu, um es in der neuen Sprache zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Jetzt neu starten</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Spra&amp;che:</translation>
    </message>
    <message>
        <source>Remind of orders due &amp;tomorrow that are not back from the lab</source>
        <translation>An morgen &amp;fällige Aufträge erinnern, die noch nicht vom Labor zurück sind</translation>
    </message>
    <message>
        <source>Remind of &amp;installments due today</source>
        <translation>An heute fällige &amp;Raten erinnern</translation>
    </message>
    <message>
        <source>Only on the day</source>
        <translation>Nur am Tag selbst</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <source>Warn this many days before a try-in or delivery whose case is not back from the lab yet.</source>
        <translation>So viele Tage vor einer Einprobe oder Lieferung warnen, deren Arbeit noch nicht vom Labor zurück ist.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Calendar and reminders</source>
        <translation>Kalender und Erinnerungen</translation>
    </message>
    <message>
        <source>Case-not-back &amp;warning:</source>
        <translation>&amp;Vorwarnung (Arbeit nicht zurück):</translation>
    </message>
    <message>
        <source>&amp;Start on:</source>
        <translation>&amp;Startseite:</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Sicherungsordner auswählen</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Es wurde noch keine Sicherung erstellt.</translation>
    </message>
    <message>
        <source>Newest backup: {name}, {when}, on the PC {host}.</source>
        <translation>Neueste Sicherung: {name}, {when}, auf dem PC {host}.</translation>
    </message>
    <message>
        <source>Newest backup: {name}, {when}.</source>
        <translation>Neueste Sicherung: {name}, {when}.</translation>
    </message>
    <message>
        <source>The database server is backed up automatically once a day, by the first PC that starts Dentasync Desktop, and before every upgrade, into that PC&apos;s backups folder ({folder} on this PC). Backing up and restoring need PostgreSQL&apos;s pg_dump and pg_restore on the PC.</source>
        <translation>Der Datenbankserver wird einmal täglich vom ersten PC, der Dentasync Desktop startet, und vor jedem Update automatisch gesichert, in den Sicherungsordner dieses PCs ({folder} auf diesem PC). Sichern und Wiederherstellen brauchen pg_dump und pg_restore von PostgreSQL auf dem PC.</translation>
    </message>
    <message>
        <source>The database is backed up automatically once a day and before every upgrade, into {folder}.</source>
        <translation>Die Datenbank wird einmal täglich und vor jedem Update automatisch in {folder} gesichert.</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>The database was backed up to:
{path}</source>
        <translation>Die Datenbank wurde gesichert nach:
{path}</translation>
    </message>
    <message>
        <source>Database server backups (*.dump);;All files (*)</source>
        <translation>Sicherungen des Datenbankservers (*.dump);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Dentasync backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Dentasync-Sicherungen (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Replace all current data with the backup
{path}?

Everything entered since that backup was made is replaced. The current database is kept as a safety copy in the backups folder. Dentasync Desktop closes afterwards and must be started again.</source>
        <translation>Alle aktuellen Daten ersetzen durch die Sicherung
{path}?

Alles, was seit dieser Sicherung eingegeben wurde, wird ersetzt. Die aktuelle Datenbank wird als Sicherheitskopie im Sicherungsordner aufbewahrt. Dentasync Desktop wird danach beendet und muss neu gestartet werden.</translation>
    </message>
    <message>
        <source>Every PC uses this database: close Dentasync Desktop on the other PCs first.</source>
        <translation>Alle PCs arbeiten mit dieser Datenbank: Schließen Sie zuerst Dentasync Desktop auf den anderen PCs.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>

The previous data was kept as:
{path}</source>
        <translation>

Die bisherigen Daten wurden aufbewahrt als:
{path}</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>The backup was restored. Dentasync Desktop will now close; start it again to work with the restored data.</source>
        <translation>Die Sicherung wurde wiederhergestellt. Dentasync Desktop wird jetzt beendet; starten Sie es erneut, um mit den wiederhergestellten Daten zu arbeiten.</translation>
    </message>
</context>
<context>
    <name>SidePanelSplitter</name>
    <message>
        <source>Activity &amp;&amp; comments</source>
        <translation>Verlauf &amp;&amp; Kommentare</translation>
    </message>
    <message>
        <source>Show or hide the activity log and comments beside the tabs (F6)</source>
        <translation>Verlauf und Kommentare neben den Reitern ein- oder ausblenden (F6)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Dentasync Desktop</source>
        <translation>Anmelden — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Dentasync Desktop</source>
        <translation>Dentasync Desktop</translation>
    </message>
    <message>
        <source>Sign in to continue.</source>
        <translation>Melden Sie sich an, um fortzufahren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo database.&lt;/b&gt; Sign in as one of these users:&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;1&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;User&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Password&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Role&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</source>
        <translation>&lt;b&gt;Demodatenbank.&lt;/b&gt; Melden Sie sich als einer dieser Benutzer an:&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;1&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Benutzer&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Passwort&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Rolle&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Fällig bis</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Erledigt am</translation>
    </message>
</context>
<context>
    <name>TeethChart</name>
    <message>
        <source>Deciduous teeth</source>
        <translation>Milchzähne</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Tooth {number}</source>
        <translation>Zahn {number}</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>TodayLinesModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Try-ins and deliveries today</source>
        <translation>Einproben und Lieferungen heute</translation>
    </message>
    <message>
        <source>No try-ins or deliveries today.</source>
        <translation>Heute keine Einproben oder Lieferungen.</translation>
    </message>
    <message>
        <source>Try-ins and deliveries tomorrow</source>
        <translation>Einproben und Lieferungen morgen</translation>
    </message>
    <message>
        <source>No try-ins or deliveries tomorrow.</source>
        <translation>Morgen keine Einproben oder Lieferungen.</translation>
    </message>
    <message>
        <source>Orders due today</source>
        <translation>Heute fällige Aufträge</translation>
    </message>
    <message>
        <source>No order is due today.</source>
        <translation>Heute ist kein Auftrag fällig.</translation>
    </message>
    <message>
        <source>Overdue orders</source>
        <translation>Überfällige Aufträge</translation>
    </message>
    <message>
        <source>No order is overdue.</source>
        <translation>Kein Auftrag ist überfällig.</translation>
    </message>
    <message>
        <source>Coming back from the lab</source>
        <translation>Auf dem Rückweg vom Labor</translation>
    </message>
    <message>
        <source>No case is on its way back.</source>
        <translation>Keine Arbeit ist auf dem Rückweg.</translation>
    </message>
    <message>
        <source>Installments due or overdue</source>
        <translation>Fällige und überfällige Raten</translation>
    </message>
    <message>
        <source>No installment is due.</source>
        <translation>Keine Rate ist fällig.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>No reminders due.</source>
        <translation>Keine fälligen Erinnerungen.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>{date}: what must happen today</source>
        <translation>{date}: was heute ansteht</translation>
    </message>
</context>
<context>
    <name>WorkPlanFields</name>
    <message>
        <source>Work plan</source>
        <translation>Arbeitsplan</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation>Auf&amp;gabe hinzufügen</translation>
    </message>
    <message>
        <source>From the services&apos; templates</source>
        <translation>Aus den Vorlagen der Leistungen</translation>
    </message>
    <message>
        <source>The task templates of the services chosen in the items, as &quot;Plan work&quot; builds them</source>
        <translation>Die Aufgabenvorlagen der in den Positionen gewählten Leistungen, wie „Arbeit planen“ sie erstellt</translation>
    </message>
    <message>
        <source>Tick to plan the work now; it can also be planned later on the order&apos;s Work plan tab</source>
        <translation>Ankreuzen, um die Arbeit jetzt zu planen; sie kann auch später im Reiter „Arbeitsplan“ des Auftrags geplant werden</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>e.g. Model, Framework, Layering</source>
        <translation>z. B. Modell, Gerüst, Verblendung</translation>
    </message>
    <message>
        <source>by</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Remove this task</source>
        <translation>Diese Aufgabe entfernen</translation>
    </message>
</context>
<context>
    <name>WorkPlanTab</name>
    <message>
        <source>Plan automatically</source>
        <translation>Automatisch planen</translation>
    </message>
    <message>
        <source>Add the task templates of the order&apos;s services</source>
        <translation>Die Aufgabenvorlagen der Leistungen des Auftrags hinzufügen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>{done} of {count} tasks done</source>
        <translation>{done} von {count} Aufgaben erledigt</translation>
    </message>
    <message>
        <source>No tasks yet</source>
        <translation>Noch keine Aufgaben</translation>
    </message>
    <message>
        <source>Select a task first</source>
        <translation>Zuerst eine Aufgabe auswählen</translation>
    </message>
    <message>
        <source>Add a task by hand</source>
        <translation>Eine Aufgabe von Hand hinzufügen</translation>
    </message>
    <message>
        <source>Already the first task</source>
        <translation>Bereits die erste Aufgabe</translation>
    </message>
    <message>
        <source>Already the last task</source>
        <translation>Bereits die letzte Aufgabe</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Aufgabe entfernen</translation>
    </message>
    <message>
        <source>Remove the task “{name}” from the work plan?</source>
        <translation>Die Aufgabe „{name}“ aus dem Arbeitsplan entfernen?</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Your role ({role}) does not allow this: {action}.</source>
        <translation>Ihre Rolle ({role}) erlaubt dies nicht: {action}.</translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message>
        <source>dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Sent to the lab</source>
        <translation>An das Labor gesendet</translation>
    </message>
    <message>
        <source>Production started</source>
        <translation>Produktion gestartet</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Fertiggestellt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Geliefert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Moved back</source>
        <translation>Zurückgestuft</translation>
    </message>
    <message numerus="yes">
        <source>payment plan replaced: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>Zahlungsplan ersetzt: {amount} per {method}, %n Rate ab {first}</numerusform>
            <numerusform>Zahlungsplan ersetzt: {amount} per {method}, %n Raten ab {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>payment plan set: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>Zahlungsplan festgelegt: {amount} per {method}, %n Rate ab {first}</numerusform>
            <numerusform>Zahlungsplan festgelegt: {amount} per {method}, %n Raten ab {first}</numerusform>
        </translation>
    </message>
    <message>
        <source>payment plan replaced: {amount} by {method}, due {first}</source>
        <translation>Zahlungsplan ersetzt: {amount} per {method}, fällig am {first}</translation>
    </message>
    <message>
        <source>payment plan set: {amount} by {method}, due {first}</source>
        <translation>Zahlungsplan festgelegt: {amount} per {method}, fällig am {first}</translation>
    </message>
    <message>
        <source>{step}: {before} → {after}</source>
        <translation>{step}: {before} → {after}</translation>
    </message>
    <message numerus="yes">
        <source>planned %n task(s) automatically</source>
        <translation>
            <numerusform>%n Aufgabe automatisch geplant</numerusform>
            <numerusform>%n Aufgaben automatisch geplant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed sign-in of {name}: wrong password (%n in a row)</source>
        <translation>
            <numerusform>Fehlgeschlagene Anmeldung von {name}: falsches Passwort (%n-mal in Folge)</numerusform>
            <numerusform>Fehlgeschlagene Anmeldung von {name}: falsches Passwort (%n-mal in Folge)</numerusform>
        </translation>
    </message>
    <message>
        <source>Created {order}</source>
        <translation>{order} angelegt</translation>
    </message>
    <message>
        <source>Edited {order}</source>
        <translation>{order} bearbeitet</translation>
    </message>
    <message>
        <source>Seeded {order}</source>
        <translation>{order} als Beispieldaten angelegt</translation>
    </message>
    <message>
        <source>Customer changed from {old} to {new}</source>
        <translation>Kunde von {old} auf {new} geändert</translation>
    </message>
    <message>
        <source>Due date changed to {date}</source>
        <translation>Liefertermin auf {date} geändert</translation>
    </message>
    <message>
        <source>Price adjusted from {old} to {new}</source>
        <translation>Preis von {old} auf {new} angepasst</translation>
    </message>
    <message>
        <source>Put on hold: {reason}</source>
        <translation>Zurückgestellt: {reason}</translation>
    </message>
    <message>
        <source>Taken off hold</source>
        <translation>Zurückstellung aufgehoben</translation>
    </message>
    <message>
        <source>Marked as remake of {order}: {reason}</source>
        <translation>Als Neuanfertigung von {order} markiert: {reason}</translation>
    </message>
    <message>
        <source>Copied from {order}</source>
        <translation>Kopiert von {order}</translation>
    </message>
    <message>
        <source>Copied to {order}</source>
        <translation>Kopiert nach {order}</translation>
    </message>
    <message>
        <source>Deleted {order} ({patient}, {lab}, {total})</source>
        <translation>{order} gelöscht ({patient}, {lab}, {total})</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; added</source>
        <translation>Aufgabe „{task}“ hinzugefügt</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; edited</source>
        <translation>Aufgabe „{task}“ bearbeitet</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; moved to place {place}</source>
        <translation>Aufgabe „{task}“ an Position {place} verschoben</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; assigned to {name}</source>
        <translation>Aufgabe „{task}“ {name} zugewiesen</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; unassigned</source>
        <translation>Aufgabe „{task}“: Zuweisung aufgehoben</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; done</source>
        <translation>Aufgabe „{task}“ erledigt</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; reopened</source>
        <translation>Aufgabe „{task}“ wieder geöffnet</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; removed</source>
        <translation>Aufgabe „{task}“ entfernt</translation>
    </message>
    <message>
        <source>payroll {amount} for {name}</source>
        <translation>Vergütung {amount} für {name}</translation>
    </message>
    <message>
        <source>payroll for {name} edited</source>
        <translation>Vergütung für {name} bearbeitet</translation>
    </message>
    <message>
        <source>payroll {amount} for {name} finalized</source>
        <translation>Vergütung {amount} für {name} festgeschrieben</translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; attached</source>
        <translation>Datei „{name}“ angehängt</translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; removed</source>
        <translation>Datei „{name}“ entfernt</translation>
    </message>
    <message>
        <source>payment plan removed</source>
        <translation>Zahlungsplan entfernt</translation>
    </message>
    <message>
        <source>payment of {amount} ({method}) on {date} recorded</source>
        <translation>Zahlung über {amount} ({method}) vom {date} erfasst</translation>
    </message>
    <message>
        <source>payment of {amount} on {date} voided: {reason}</source>
        <translation>Zahlung über {amount} vom {date} storniert: {reason}</translation>
    </message>
    <message>
        <source>{kind} on {when} added</source>
        <translation>{kind} am {when} hinzugefügt</translation>
    </message>
    <message>
        <source>{kind} on {when} edited</source>
        <translation>{kind} am {when} bearbeitet</translation>
    </message>
    <message>
        <source>{kind} on {when} done</source>
        <translation>{kind} am {when} erledigt</translation>
    </message>
    <message>
        <source>{kind} on {when} reopened</source>
        <translation>{kind} am {when} wieder geöffnet</translation>
    </message>
    <message>
        <source>{kind} on {when} deleted</source>
        <translation>{kind} am {when} gelöscht</translation>
    </message>
    <message>
        <source>comment &quot;{text}&quot;</source>
        <translation>Kommentar „{text}“</translation>
    </message>
    <message>
        <source>comment edited: &quot;{text}&quot;</source>
        <translation>Kommentar bearbeitet: „{text}“</translation>
    </message>
    <message>
        <source>Created {kind} {name}</source>
        <translation>{kind} {name} angelegt</translation>
    </message>
    <message>
        <source>Edited {kind} {name}</source>
        <translation>{kind} {name} bearbeitet</translation>
    </message>
    <message>
        <source>Reactivated {kind} {name}</source>
        <translation>{kind} {name} reaktiviert</translation>
    </message>
    <message>
        <source>Deactivated {kind} {name}</source>
        <translation>{kind} {name} deaktiviert</translation>
    </message>
    <message>
        <source>Deactivated {kind} {name} instead of deleting it: it is still in use</source>
        <translation>{kind} {name} deaktiviert statt gelöscht: wird noch verwendet</translation>
    </message>
    <message>
        <source>Deleted {kind} {name}</source>
        <translation>{kind} {name} gelöscht</translation>
    </message>
    <message>
        <source>Failed sign-in: unknown user name &apos;{name}&apos;</source>
        <translation>Fehlgeschlagene Anmeldung: unbekannter Benutzername „{name}“</translation>
    </message>
    <message>
        <source>Created the first administrator {name}</source>
        <translation>Ersten Administrator {name} angelegt</translation>
    </message>
    <message>
        <source>{name} signed in</source>
        <translation>{name} hat sich angemeldet</translation>
    </message>
    <message>
        <source>Created user {name}</source>
        <translation>Benutzer {name} angelegt</translation>
    </message>
    <message>
        <source>Edited user {name}</source>
        <translation>Benutzer {name} bearbeitet</translation>
    </message>
    <message>
        <source>Reset the password of {name}</source>
        <translation>Passwort von {name} zurückgesetzt</translation>
    </message>
    <message>
        <source>{name} unlocked the window</source>
        <translation>{name} hat das Fenster entsperrt</translation>
    </message>
    <message>
        <source>{name} changed their password</source>
        <translation>{name} hat das eigene Passwort geändert</translation>
    </message>
    <message>
        <source>Reactivated user {name}</source>
        <translation>Benutzer {name} reaktiviert</translation>
    </message>
    <message>
        <source>Deactivated user {name}</source>
        <translation>Benutzer {name} deaktiviert</translation>
    </message>
    <message>
        <source>Changed the organisation settings: {fields}</source>
        <translation>Organisationseinstellungen geändert: {fields}</translation>
    </message>
    <message>
        <source>Changed the calendar and reminder settings: {fields}</source>
        <translation>Einstellungen für Kalender und Erinnerungen geändert: {fields}</translation>
    </message>
    <message>
        <source>{order}: {text}</source>
        <translation>{order}: {text}</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} weitere</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Order {status}</source>
        <translation>Auftrag {status}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>Scheduled by {person}</source>
        <translation>Geplant von {person}</translation>
    </message>
    <message>
        <source>Due {number} {patient}</source>
        <translation>Fällig: {number} {patient}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Cannot create the data folders: {reason}</source>
        <translation>Die Datenordner können nicht angelegt werden: {reason}</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>{reason}. Details are in {path}</source>
        <translation>{reason}. Details stehen in {path}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. Details are in {path}</source>
        <translation>Unerwarteter Fehler: {error}. Details stehen in {path}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Unerwarteter Fehler: {error}</translation>
    </message>
    <message>
        <source>Dentasync Desktop: offline work orders for dental clinics and dental labs.
Without a command it opens the application window.</source>
        <translation>Dentasync Desktop: Offline-Auftragsverwaltung für Zahnarztpraxen und Dentallabore.
Ohne Befehl öffnet es das Anwendungsfenster.</translation>
    </message>
    <message>
        <source>no password: set {variable} or run the command in a terminal</source>
        <translation>kein Passwort: {variable} setzen oder den Befehl in einem Terminal ausführen</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Passwort wiederholen: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>die beiden Passwörter stimmen nicht überein</translation>
    </message>
    <message>
        <source>{command}: this command reads or changes clinic data; sign in with --user NAME (the password is asked for, or taken from {variable})</source>
        <translation>{command}: Dieser Befehl liest oder ändert Praxisdaten; melden Sie sich mit --user NAME an (das Passwort wird abgefragt oder aus {variable} gelesen)</translation>
    </message>
    <message>
        <source>Password for {name}: </source>
        <translation>Passwort für {name}: </translation>
    </message>
    <message numerus="yes">
        <source>Seeding %n order(s) (seed {seed}) into {path}</source>
        <translation>
            <numerusform>%n Auftrag wird erzeugt (Seed {seed}) in {path}</numerusform>
            <numerusform>%n Aufträge werden erzeugt (Seed {seed}) in {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Done in {seconds} s ({rate} orders/s).</source>
        <translation>Fertig in {seconds} s ({rate} Aufträge/s).</translation>
    </message>
    <message>
        <source>OK: no problems found.</source>
        <translation>OK: keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>PROBLEM: {problem}</source>
        <translation>PROBLEM: {problem}</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>Unter {path} gibt es keine Datenbank zum Sichern.</translation>
    </message>
    <message>
        <source>-o: {path} is a folder; give the name of the backup file to write.</source>
        <translation>-o: {path} ist ein Ordner; geben Sie den Namen der zu schreibenden Sicherungsdatei an.</translation>
    </message>
    <message>
        <source>Backed up {path} to {target}</source>
        <translation>{path} nach {target} gesichert</translation>
    </message>
    <message>
        <source>Restored {backup} into {path}</source>
        <translation>{backup} nach {path} wiederhergestellt</translation>
    </message>
    <message>
        <source>There was no previous database to keep.</source>
        <translation>Es gab keine bisherige Datenbank zum Aufbewahren.</translation>
    </message>
    <message>
        <source>The previous database was kept as {path}</source>
        <translation>Die bisherige Datenbank wurde aufbewahrt als {path}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Hinweis: {note}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} geschrieben</translation>
    </message>
    <message>
        <source>--status: the labs view has no payment-status filter; use --view orders</source>
        <translation>--status: Die Laboransicht hat keinen Zahlungsstatus-Filter; verwenden Sie --view orders</translation>
    </message>
    <message>
        <source>--from: the start date is after the --to date</source>
        <translation>--from: Das Startdatum liegt nach dem Datum von --to</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>user add: there is no active administrator yet; add one first (--role admin)</source>
        <translation>user add: Es gibt noch keinen aktiven Administrator; legen Sie zuerst einen an (--role admin)</translation>
    </message>
    <message>
        <source>Added {role} {name}.</source>
        <translation>{name} als {role} angelegt.</translation>
    </message>
    <message>
        <source>where the data lives:
  The database, backups, attachments and exports live in the user data folder, logs in the
  user log folder (run &apos;dentasync-desktop check&apos; to see them). --data-dir DIR or the
  DENTASYNC_DATA_DIR environment variable puts everything under DIR instead. --demo uses a
  separate database in a &apos;demo&apos; sub-folder and fills it with demo data on first use.
  --database-url postgresql+psycopg://USER@HOST:5432/DATABASE (or DENTASYNC_DATABASE_URL)
  uses a PostgreSQL server shared by several PCs instead; the data folder remembers it
  (without the password, which goes to the OS keyring or comes from
  $DENTASYNC_DATABASE_PASSWORD). --database-url local goes back to this computer&apos;s file.

exit codes:
  0 done, 1 a problem (the message says what), 2 wrong usage, 130 interrupted

examples:
  dentasync-desktop --demo                  open the window on the demo database
  dentasync-desktop check                   is the database sound and up to date?
  dentasync-desktop backup                  back up into the backups folder
  dentasync-desktop backup -o ~/wo.sqlite3 --user anna
  dentasync-desktop restore BACKUP_FILE --user anna
  dentasync-desktop print order WO-000123 -o wo.pdf --user anna
  dentasync-desktop report finance --view labs --format xlsx -o labs.xlsx --user anna
  dentasync-desktop --data-dir /tmp/big seed --orders 100000
  dentasync-desktop user add anna --role admin --full-name &quot;Anna Schäfer&quot;
  dentasync-desktop --lang de check         messages in German (or $DENTASYNC_LANG)

signing in:
  print, report, backup -o, restore, user, and seed into a database in use need
  --user NAME; the password is asked for, or taken from $DENTASYNC_PASSWORD.</source>
        <translation>wo die Daten liegen:
  Datenbank, Sicherungen, Anhänge und Exporte liegen im Benutzerdatenordner, Protokolle im
  Benutzerprotokollordner (&apos;dentasync-desktop check&apos; zeigt sie an). --data-dir DIR oder die
  Umgebungsvariable DENTASYNC_DATA_DIR legt stattdessen alles unter DIR ab. --demo verwendet
  eine eigene Datenbank im Unterordner &apos;demo&apos; und füllt sie beim ersten Start mit Demodaten.
  --database-url postgresql+psycopg://USER@HOST:5432/DATABASE (oder DENTASYNC_DATABASE_URL)
  verwendet stattdessen einen PostgreSQL-Server, den mehrere PCs gemeinsam nutzen; der
  Datenordner merkt ihn sich (ohne das Passwort, das im Schlüsselbund des Betriebssystems
  abgelegt oder aus $DENTASYNC_DATABASE_PASSWORD gelesen wird). --database-url local kehrt
  zur Datenbankdatei dieses Computers zurück.

Exit-Codes:
  0 erledigt, 1 ein Problem (die Meldung sagt, welches), 2 falsche Verwendung, 130 abgebrochen

Beispiele:
  dentasync-desktop --demo                  das Fenster mit der Demodatenbank öffnen
  dentasync-desktop check                   ist die Datenbank intakt und aktuell?
  dentasync-desktop backup                  in den Sicherungsordner sichern
  dentasync-desktop backup -o ~/wo.sqlite3 --user anna
  dentasync-desktop restore BACKUP_FILE --user anna
  dentasync-desktop print order WO-000123 -o wo.pdf --user anna
  dentasync-desktop report finance --view labs --format xlsx -o labs.xlsx --user anna
  dentasync-desktop --data-dir /tmp/big seed --orders 100000
  dentasync-desktop user add anna --role admin --full-name &quot;Anna Schäfer&quot;
  dentasync-desktop --lang de check         Meldungen auf Deutsch (oder $DENTASYNC_LANG)

Anmeldung:
  print, report, backup -o, restore, user und seed in eine verwendete Datenbank benötigen
  --user NAME; das Passwort wird abgefragt oder aus $DENTASYNC_PASSWORD gelesen.</translation>
    </message>
    <message>
        <source>Moving {path} to {url}</source>
        <translation>Verschiebe {path} nach {url}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Money totals</source>
        <translation>Geldsummen</translation>
    </message>
    <message>
        <source>DIFFERENT: {table}: here {rows} row(s) {totals}, on the server {server_rows} row(s) {server_totals}</source>
        <translation>ABWEICHUNG: {table}: hier {rows} Zeile(n) {totals}, auf dem Server {server_rows} Zeile(n) {server_totals}</translation>
    </message>
    <message>
        <source>The copy differs from the file; nothing was kept on the server.</source>
        <translation>Die Kopie weicht von der Datei ab; auf dem Server wurde nichts behalten.</translation>
    </message>
    <message numerus="yes">
        <source>Attached files and the logo put into the server&apos;s database: %n</source>
        <translation>
            <numerusform>Angehängte Dateien und Logo in die Datenbank des Servers übernommen: %n</numerusform>
            <numerusform>Angehängte Dateien und Logo in die Datenbank des Servers übernommen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MISSING: %n attached file(s) are not in {folder}: their orders still list them, but they cannot be opened on the server. The log names them.</source>
        <translation>
            <numerusform>FEHLT: %n angehängte Datei ist nicht in {folder}: Ihr Auftrag führt sie weiter auf, auf dem Server lässt sie sich aber nicht öffnen. Das Protokoll nennt sie.</numerusform>
            <numerusform>FEHLT: %n angehängte Dateien sind nicht in {folder}: Ihre Aufträge führen sie weiter auf, auf dem Server lassen sie sich aber nicht öffnen. Das Protokoll nennt sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OK: %n row(s) moved in {seconds} s; the rows and money totals of every table are the same on the server.</source>
        <translation>
            <numerusform>OK: %n Zeile in {seconds} s verschoben; Zeilen und Geldsummen jeder Tabelle stimmen auf dem Server überein.</numerusform>
            <numerusform>OK: %n Zeilen in {seconds} s verschoben; Zeilen und Geldsummen jeder Tabelle stimmen auf dem Server überein.</numerusform>
        </translation>
    </message>
    <message>
        <source>This data folder uses the server from now on; its file stays as it was.</source>
        <translation>Dieser Datenordner verwendet ab jetzt den Server; seine Datei bleibt unverändert.</translation>
    </message>
    <message>
        <source>To use the server from now on, run on each PC: {command}</source>
        <translation>Um ab jetzt den Server zu verwenden, führen Sie auf jedem PC aus: {command}</translation>
    </message>
    <message>
        <source>{table}: {done} of {total} rows</source>
        <translation>{table}: {done} von {total} Zeilen</translation>
    </message>
    <message>
        <source>New password for {name}: </source>
        <translation>Neues Passwort für {name}: </translation>
    </message>
    <message>
        <source>Changed the password of {name}.</source>
        <translation>Passwort von {name} geändert.</translation>
    </message>
    <message>
        <source>not a date (use YYYY-MM-DD): {text}</source>
        <translation>kein Datum (Format JJJJ-MM-TT): {text}</translation>
    </message>
    <message>
        <source>not a whole number: {text}</source>
        <translation>keine ganze Zahl: {text}</translation>
    </message>
    <message>
        <source>must be at least 1, not {value}</source>
        <translation>muss mindestens 1 sein, nicht {value}</translation>
    </message>
    <message>
        <source>where the data lives</source>
        <translation>wo die Daten liegen</translation>
    </message>
    <message>
        <source>keep the database, backups, attachments and logs under DIR (default: $DENTASYNC_DATA_DIR, else the user data folder)</source>
        <translation>Datenbank, Sicherungen, Anhänge und Protokolle unter DIR ablegen (Standard: $DENTASYNC_DATA_DIR, sonst der Benutzerdatenordner)</translation>
    </message>
    <message>
        <source>use the separate demo database, filled with demo data on first use (users admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)</source>
        <translation>die separate Demodatenbank verwenden, beim ersten Start mit Demodaten gefüllt (Benutzer admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>sign in as NAME for commands that read or change clinic data (print, report, backup -o, restore, seed into a database in use, user); the password is asked for, or taken from ${variable}</source>
        <translation>als NAME anmelden für Befehle, die Praxisdaten lesen oder ändern (print, report, backup -o, restore, seed in eine verwendete Datenbank, user); das Passwort wird abgefragt oder aus ${variable} gelesen</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>the language of messages and documents (default: ${variable}, else the system&apos;s language when translated, else English)</source>
        <translation>die Sprache der Meldungen und Dokumente (Standard: ${variable}, sonst die Systemsprache, falls übersetzt, sonst Englisch)</translation>
    </message>
    <message>
        <source>check this installation end to end in a temporary data folder, without a screen (migrations, main window, an order, its printed form, a finance export)</source>
        <translation>diese Installation vollständig in einem temporären Datenordner ohne Bildschirm prüfen (Migrationen, Hauptfenster, ein Auftrag, sein gedrucktes Formular, ein Finanzexport)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>fill the database with synthetic data at scale</source>
        <translation>die Datenbank in großem Umfang mit synthetischen Daten füllen</translation>
    </message>
    <message>
        <source>Add reproducible synthetic labs, dentists, patients and work orders (with payments and events) to the database, and print what was made.</source>
        <translation>Reproduzierbare synthetische Labore, Zahnärzte, Patienten und Aufträge (mit Zahlungen und Terminen) zur Datenbank hinzufügen und ausgeben, was erzeugt wurde.</translation>
    </message>
    <message>
        <source>number of work orders to create</source>
        <translation>Anzahl der zu erzeugenden Aufträge</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same data (default 0)</source>
        <translation>Zufalls-Seed; derselbe Seed ergibt dieselben Daten (Standard 0)</translation>
    </message>
    <message>
        <source>check the database and the folders</source>
        <translation>Datenbank und Ordner prüfen</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity, that its schema is up to date and complete, that no row refers to a missing one, that stored paid amounts match the payments, and that the folders exist. Prints the folders in use and one PROBLEM line per problem. Exit code 1 on a problem.</source>
        <translation>Prüft die Integrität der Datenbank, ob ihr Schema aktuell und vollständig ist, ob keine Zeile auf eine fehlende verweist, ob die gespeicherten bezahlten Beträge den Zahlungen entsprechen und ob die Ordner existieren. Gibt die verwendeten Ordner und je Problem eine PROBLEM-Zeile aus. Exit-Code 1 bei einem Problem.</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>die Datenbank jetzt sichern</translation>
    </message>
    <message>
        <source>write the backup to FILE instead</source>
        <translation>die Sicherung stattdessen in FILE schreiben</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>die Datenbank durch eine Sicherung ersetzen</translation>
    </message>
    <message>
        <source>Copy the database consistently, even while the application is open. Without -o the copy goes to the backups folder (the newest 20 are kept). A database server is copied with PostgreSQL&apos;s pg_dump into a .dump file; pg_dump must be installed on this PC.</source>
        <translation>Kopiert die Datenbank konsistent, auch während die Anwendung geöffnet ist. Ohne -o landet die Kopie im Sicherungsordner (die neuesten 20 werden aufbewahrt). Ein Datenbankserver wird mit pg_dump von PostgreSQL in eine .dump-Datei kopiert; pg_dump muss auf diesem PC installiert sein.</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>payment plans</source>
        <translation>Zahlungspläne</translation>
    </message>
    <message>
        <source>installments</source>
        <translation>Raten</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>labs</source>
        <translation>Labore</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>first number</source>
        <translation>erste Nummer</translation>
    </message>
    <message>
        <source>last number</source>
        <translation>letzte Nummer</translation>
    </message>
    <message>
        <source>{done} / {total} orders</source>
        <translation>{done} / {total} Aufträge</translation>
    </message>
    <message>
        <source>database: {where}</source>
        <translation>Datenbank: {where}</translation>
    </message>
    <message>
        <source>backups: {where}</source>
        <translation>Sicherungen: {where}</translation>
    </message>
    <message>
        <source>attachments: {where}</source>
        <translation>Anhänge: {where}</translation>
    </message>
    <message>
        <source>logs: {where}</source>
        <translation>Protokolle: {where}</translation>
    </message>
    <message>
        <source>settings: {where}</source>
        <translation>Einstellungen: {where}</translation>
    </message>
    <message>
        <source>migrations: {where}</source>
        <translation>Migrationen: {where}</translation>
    </message>
    <message>
        <source>schema: {found} (newest: {head})</source>
        <translation>Schema: {found} (neuestes: {head})</translation>
    </message>
    <message>
        <source>newest backup: none</source>
        <translation>neueste Sicherung: keine</translation>
    </message>
    <message>
        <source>newest backup: {path} (made on {host}, {when})</source>
        <translation>neueste Sicherung: {path} (erstellt auf {host}, {when})</translation>
    </message>
    <message>
        <source>Replace the database with FILE after checking that FILE is a sound, complete Dentasync Desktop database this version can open. The current database is kept in the backups folder first. Works when the current database is damaged. Refused while the application or another command has the database open. On a database server FILE is a backup made with pg_dump (pg_restore must be installed on this PC), and the restore is refused while other PCs are connected.</source>
        <translation>Ersetzt die Datenbank durch FILE, nachdem geprüft wurde, dass FILE eine intakte, vollständige Dentasync-Desktop-Datenbank ist, die diese Version öffnen kann. Die aktuelle Datenbank wird zuvor im Sicherungsordner aufbewahrt. Funktioniert auch, wenn die aktuelle Datenbank beschädigt ist. Wird abgelehnt, solange die Anwendung oder ein anderer Befehl die Datenbank geöffnet hat. Bei einem Datenbankserver ist FILE eine mit pg_dump erstellte Sicherung (pg_restore muss auf diesem PC installiert sein), und die Wiederherstellung wird abgelehnt, solange andere PCs verbunden sind.</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>die wiederherzustellende Sicherungsdatei</translation>
    </message>
    <message>
        <source>move this data folder&apos;s database to a PostgreSQL server</source>
        <translation>die Datenbank dieses Datenordners auf einen PostgreSQL-Server verschieben</translation>
    </message>
    <message>
        <source>Copy every row of this data folder&apos;s database file into the empty PostgreSQL database at URL, after creating its tables there. Then compare the rows and money totals of every table on both sides and print them. Refused while the application or another command has the file open, when the file needs an upgrade first, and when the server&apos;s database holds data already. Exit code 1 when anything differs (nothing is then kept on the server). The file itself is not changed. Attachment files stay in this data folder.</source>
        <translation>Kopiert jede Zeile der Datenbankdatei dieses Datenordners in die leere PostgreSQL-Datenbank unter URL, nachdem dort ihre Tabellen angelegt wurden. Vergleicht dann Zeilen und Geldsummen jeder Tabelle auf beiden Seiten und gibt sie aus. Abgelehnt, solange die Anwendung oder ein anderer Befehl die Datei geöffnet hat, wenn die Datei erst aktualisiert werden muss und wenn die Datenbank des Servers bereits Daten enthält. Exit-Code 1, wenn etwas abweicht (dann wird auf dem Server nichts behalten). Die Datei selbst wird nicht verändert. Anhangsdateien bleiben in diesem Datenordner.</translation>
    </message>
    <message>
        <source>the empty server database: postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE</source>
        <translation>die leere Server-Datenbank: postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE</translation>
    </message>
    <message>
        <source>afterwards point this data folder at the server (the password goes to the OS keyring)</source>
        <translation>diesen Datenordner danach auf den Server umstellen (das Passwort kommt in den Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>print an order form, box label or payment instructions</source>
        <translation>ein Auftragsformular, Boxetikett oder Zahlungsinformationen drucken</translation>
    </message>
    <message>
        <source>Write one work order&apos;s form, box label or payment instructions to a PDF file. NUMBER is the order number as shown (WO-000123) or just 123. The form, label and instructions are in the language set for the order&apos;s dental lab, else in the language of the messages.</source>
        <translation>Schreibt das Formular, Boxetikett oder die Zahlungsinformationen eines Auftrags in eine PDF-Datei. NUMBER ist die Auftragsnummer wie angezeigt (WO-000123) oder einfach 123. Formular, Etikett und Zahlungsinformationen erscheinen in der Sprache, die für das Dentallabor des Auftrags eingestellt ist, sonst in der Sprache der Meldungen.</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>the work order: WO-000123 or 123</source>
        <translation>der Auftrag: WO-000123 oder 123</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>die zu schreibende PDF-Datei</translation>
    </message>
    <message>
        <source>the work-order form</source>
        <translation>das Auftragsformular</translation>
    </message>
    <message>
        <source>sections to print, comma-separated: {sections} (default: as last chosen in the app)</source>
        <translation>zu druckende Abschnitte, durch Kommas getrennt: {sections} (Standard: wie zuletzt in der Anwendung gewählt)</translation>
    </message>
    <message>
        <source>paper size (default: Settings)</source>
        <translation>Papierformat (Standard: Einstellungen)</translation>
    </message>
    <message>
        <source>a box label</source>
        <translation>ein Boxetikett</translation>
    </message>
    <message>
        <source>label size in mm or inches (default: 62x29)</source>
        <translation>Etikettengröße in mm oder Zoll (Standard: 62x29)</translation>
    </message>
    <message>
        <source>payment instructions: the lab&apos;s bank details and the amount due</source>
        <translation>Zahlungsinformationen: die Bankverbindung des Labors und der fällige Betrag</translation>
    </message>
    <message>
        <source>write a finance report (XLSX, PDF or CSV)</source>
        <translation>einen Finanzbericht schreiben (XLSX, PDF oder CSV)</translation>
    </message>
    <message>
        <source>Write a report of the finance page, as its tabs show it. Cancelled orders are excluded.</source>
        <translation>Schreibt einen Bericht der Finanzseite, wie ihre Reiter ihn zeigen. Stornierte Aufträge sind nicht enthalten.</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>paid, total and outstanding per lab or per order</source>
        <translation>bezahlt, gesamt und offen je Labor oder je Auftrag</translation>
    </message>
    <message>
        <source>The Dental labs or Work orders tab of the finance page with the given filters (on the documented date), as an XLSX, PDF or CSV file.</source>
        <translation>Der Reiter „Dentallabore“ oder „Aufträge“ der Finanzseite mit den angegebenen Filtern (nach Erfassungsdatum) als XLSX-, PDF- oder CSV-Datei.</translation>
    </message>
    <message>
        <source>labs: one row per lab and currency; orders: one row per work order</source>
        <translation>labs: eine Zeile je Labor und Währung; orders: eine Zeile je Auftrag</translation>
    </message>
    <message>
        <source>first documented date, YYYY-MM-DD</source>
        <translation>erstes Erfassungsdatum, JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>last documented date, YYYY-MM-DD</source>
        <translation>letztes Erfassungsdatum, JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>only this dental lab (its full name)</source>
        <translation>nur dieses Dentallabor (vollständiger Name)</translation>
    </message>
    <message>
        <source>only orders paid by this payment method</source>
        <translation>nur Aufträge mit dieser Zahlungsart</translation>
    </message>
    <message>
        <source>only orders with this payment status (orders view)</source>
        <translation>nur Aufträge mit diesem Zahlungsstatus (Ansicht orders)</translation>
    </message>
    <message>
        <source>xlsx (Excel), pdf, or csv (UTF-8 with BOM)</source>
        <translation>xlsx (Excel), pdf oder csv (UTF-8 mit BOM)</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>die zu schreibende Datei</translation>
    </message>
    <message>
        <source>list users, add a user, set a password</source>
        <translation>Benutzer auflisten, einen Benutzer anlegen, ein Passwort setzen</translation>
    </message>
    <message>
        <source>Manage the user accounts. Needs an administrator&apos;s --user, except to add the first administrator while the database has no active one (after &apos;seed&apos;, for example). New passwords are asked for twice, or taken from ${new_variable} (${variable} for the first administrator).</source>
        <translation>Verwaltet die Benutzerkonten. Benötigt --user eines Administrators, außer zum Anlegen des ersten Administrators, solange die Datenbank keinen aktiven hat (zum Beispiel nach &apos;seed&apos;). Neue Passwörter werden zweimal abgefragt oder aus ${new_variable} gelesen (${variable} für den ersten Administrator).</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>every user with role and status</source>
        <translation>alle Benutzer mit Rolle und Status</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>einen Benutzer anlegen</translation>
    </message>
    <message>
        <source>the user name to sign in with</source>
        <translation>der Benutzername für die Anmeldung</translation>
    </message>
    <message>
        <source>what the user may do</source>
        <translation>was der Benutzer darf</translation>
    </message>
    <message>
        <source>the name shown (default: NAME)</source>
        <translation>der angezeigte Name (Standard: NAME)</translation>
    </message>
    <message>
        <source>set a user&apos;s password</source>
        <translation>das Passwort eines Benutzers setzen</translation>
    </message>
    <message>
        <source>whose password to set</source>
        <translation>wessen Passwort gesetzt wird</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>customers</name>
    <message>
        <source>Edit customer</source>
        <translation>Kunden bearbeiten</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Dr. Jane Smith</source>
        <translation>Dr. Erika Mustermann</translation>
    </message>
    <message>
        <source>&amp;Clinic:</source>
        <translation>&amp;Praxis:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Praxis</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>The dentists and clinics who order work.</source>
        <translation>Die Zahnärzte und Praxen, die Arbeiten in Auftrag geben.</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>order number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>lab name</source>
        <translation>Laborname</translation>
    </message>
    <message>
        <source>patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <source>teeth</source>
        <translation>Zähne</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>Zahnfarbe</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The {what} was shortened to fit the {size} label: &apos;{text}&apos;.</source>
        <translation>Das Feld „{what}“ wurde gekürzt, damit es auf das Etikett {size} passt: „{text}“.</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Fällig am {date}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Zähne</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Zahnfarbe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Box label {number}</source>
        <translation>Boxetikett {number}</translation>
    </message>
    <message>
        <source>WORK ORDER</source>
        <translation>AUFTRAG</translation>
    </message>
    <message>
        <source>(on hold)</source>
        <translation>(zurückgestellt)</translation>
    </message>
    <message>
        <source>remake</source>
        <translation>Neuanfertigung</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>geb. {date}</translation>
    </message>
    <message>
        <source>Contact: {name}</source>
        <translation>Ansprechpartner: {name}</translation>
    </message>
    <message>
        <source>Ordered teeth</source>
        <translation>Bestellte Zähne</translation>
    </message>
    <message>
        <source>No teeth recorded</source>
        <translation>Keine Zähne erfasst</translation>
    </message>
    <message>
        <source>Teeth (FDI)</source>
        <translation>Zähne (FDI)</translation>
    </message>
    <message>
        <source>Items and services</source>
        <translation>Positionen und Leistungen</translation>
    </message>
    <message>
        <source>No items.</source>
        <translation>Keine Positionen.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Price adjustment</source>
        <translation>Preisanpassung</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Restbetrag</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Arbeitsplan</translation>
    </message>
    <message>
        <source>No work plan.</source>
        <translation>Kein Arbeitsplan.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Remake</source>
        <translation>Neuanfertigung</translation>
    </message>
    <message>
        <source>Remake of</source>
        <translation>Neuanfertigung von</translation>
    </message>
    <message>
        <source>Copied from</source>
        <translation>Kopiert von</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Patient note</source>
        <translation>Patientennotiz</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>Keine Kommentare.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Technician signature</source>
        <translation>Unterschrift Techniker</translation>
    </message>
    <message>
        <source>Checked and released by</source>
        <translation>Geprüft und freigegeben von</translation>
    </message>
    <message>
        <source>Work order {number}</source>
        <translation>Auftrag {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>PAYMENT INSTRUCTIONS</source>
        <translation>ZAHLUNGSINFORMATIONEN</translation>
    </message>
    <message>
        <source>Pay to</source>
        <translation>Zahlungsempfänger</translation>
    </message>
    <message>
        <source>Please quote the payment reference {reference} so the payment is matched to this work order.</source>
        <translation>Bitte geben Sie den Verwendungszweck {reference} an, damit die Zahlung diesem Auftrag zugeordnet werden kann.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Nothing is due on {number}: it is paid in full.</source>
        <translation>Für {number} ist nichts fällig: Der Auftrag ist vollständig bezahlt.</translation>
    </message>
    <message>
        <source>Total {total} · paid {paid}</source>
        <translation>Gesamt {total} · bezahlt {paid}</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Fälliger Betrag</translation>
    </message>
    <message>
        <source>Total {total} (items {items}, price adjustment {adjustment}) · paid {paid}</source>
        <translation>Gesamt {total} (Positionen {items}, Preisanpassung {adjustment}) · bezahlt {paid}</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(überfällig)</translation>
    </message>
    <message>
        <source>Open installments</source>
        <translation>Offene Raten</translation>
    </message>
    <message>
        <source>Price adjustment, not in the installments</source>
        <translation>Preisanpassung, nicht in den Raten enthalten</translation>
    </message>
    <message>
        <source>{lab} has no IBAN on file, so the sheet shows no bank account. Add it to the dental lab&apos;s details.</source>
        <translation>Für {lab} ist keine IBAN hinterlegt, daher zeigt das Blatt keine Bankverbindung. Tragen Sie sie bei den Angaben des Dentallabors ein.</translation>
    </message>
    <message>
        <source>The bank details of {lab} are not valid ({problem}), so the sheet shows no bank account. Correct the dental lab&apos;s details.</source>
        <translation>Die Bankverbindung von {lab} ist ungültig ({problem}), daher zeigt das Blatt keine Bankverbindung. Korrigieren Sie die Angaben des Dentallabors.</translation>
    </message>
    <message>
        <source>not on file — please ask the lab</source>
        <translation>nicht hinterlegt – bitte beim Labor erfragen</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>Verwendungszweck</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Scan with a banking app (SEPA transfer)</source>
        <translation>Mit einer Banking-App scannen (SEPA-Überweisung)</translation>
    </message>
    <message>
        <source>Payment instructions {number}</source>
        <translation>Zahlungsinformationen {number}</translation>
    </message>
    <message>
        <source>{number}: the patient {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}: Der Patientenname {name} enthält Zeichen, die den Druckschriften fehlen ({missing}); sie werden als leere Kästchen gedruckt.</translation>
    </message>
    <message>
        <source>{number}: the customer {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}: Der Kundenname {name} enthält Zeichen, die den Druckschriften fehlen ({missing}); sie werden als leere Kästchen gedruckt.</translation>
    </message>
    <message>
        <source>{number}: the dental lab {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}: Der Name des Dentallabors {name} enthält Zeichen, die den Druckschriften fehlen ({missing}); sie werden als leere Kästchen gedruckt.</translation>
    </message>
    <message>
        <source>The logo file &apos;{path}&apos; could not be read, so the header was printed without a logo. Choose another file in Settings.</source>
        <translation>Die Logodatei „{path}“ konnte nicht gelesen werden, daher wurde der Kopf ohne Logo gedruckt. Wählen Sie in den Einstellungen eine andere Datei.</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>In Produktion</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Fertiggestellt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Geliefert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Nicht bezahlt</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Try-in</source>
        <translation>Einprobe</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Abformung</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Start production</source>
        <translation>Produktion starten</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Fertigstellen</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Versenden</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Liefern</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Zurückstufen</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Auftrag anlegen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Change customer</source>
        <translation>Kunden ändern</translation>
    </message>
    <message>
        <source>Plan work</source>
        <translation>Arbeit planen</translation>
    </message>
    <message>
        <source>Tick work-plan tasks</source>
        <translation>Aufgaben des Arbeitsplans abhaken</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Vergütung</translation>
    </message>
    <message>
        <source>Finalize payroll</source>
        <translation>Vergütung festschreiben</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Update due date</source>
        <translation>Liefertermin ändern</translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation>Zahlungsinformationen</translation>
    </message>
    <message>
        <source>Adjust price</source>
        <translation>Preis anpassen</translation>
    </message>
    <message>
        <source>Put on / take off hold</source>
        <translation>Zurückstellen / Zurückstellung aufheben</translation>
    </message>
    <message>
        <source>Mark as remake</source>
        <translation>Als Neuanfertigung markieren</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Zahlung stornieren</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Zahlungsplan</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentieren</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <source>View finance</source>
        <translation>Finanzen ansehen</translation>
    </message>
    <message>
        <source>Manage customers and patients</source>
        <translation>Kunden und Patienten verwalten</translation>
    </message>
    <message>
        <source>Manage labs, services and staff</source>
        <translation>Labore, Leistungen und Mitarbeiter verwalten</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
    <message>
        <source>Manage settings</source>
        <translation>Einstellungen verwalten</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Choose the database</source>
        <translation>Datenbank wählen</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation>Datenbank ausgelastet</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Nothing already saved was lost.</source>
        <translation>Etwas ist schiefgelaufen, und die Aktion wurde nicht ausgeführt. Bereits Gespeichertes ist nicht verloren gegangen.</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Details wurden in die Protokolldatei geschrieben:
{path}</translation>
    </message>
    <message>
        <source>Only an administrator may add synthetic data to a database in use.</source>
        <translation>Nur ein Administrator darf einer verwendeten Datenbank synthetische Daten hinzufügen.</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow this action: {action}.</source>
        <translation>Ihre Rolle ({role}) erlaubt diese Aktion nicht: {action}.</translation>
    </message>
    <message>
        <source>Only the author ({author}) can edit this comment.</source>
        <translation>Nur der Verfasser ({author}) kann diesen Kommentar bearbeiten.</translation>
    </message>
    <message>
        <source>Someone else changed this order in the meantime. It has been reloaded; please try again.</source>
        <translation>Jemand anderes hat diesen Auftrag inzwischen geändert. Er wurde neu geladen; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Someone else changed this event in the meantime. It has been reloaded; please try again.</source>
        <translation>Jemand anderes hat diesen Termin inzwischen geändert. Er wurde neu geladen; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>You are not signed in as a user of this database. Sign in again.</source>
        <translation>Sie sind nicht als Benutzer dieser Datenbank angemeldet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; has been deactivated, so you have been signed out. Ask an administrator to reactivate it.</source>
        <translation>Das Konto „{username}“ wurde deaktiviert, daher wurden Sie abgemeldet. Bitten Sie einen Administrator, es zu reaktivieren.</translation>
    </message>
    <message>
        <source>An administrator changed your role to {role}. Sign in again to continue with the new role.</source>
        <translation>Ein Administrator hat Ihre Rolle auf {role} geändert. Melden Sie sich erneut an, um mit der neuen Rolle fortzufahren.</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>Es gibt keinen Auftrag {number}.</translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation>Unbekannter Benutzer oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Unknown user or wrong password. Too many wrong passwords: wait {wait} before the next attempt.</source>
        <translation>Unbekannter Benutzer oder falsches Passwort. Zu viele falsche Passwörter: Warten Sie {wait} bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <source>Too many wrong passwords for &apos;{username}&apos;. Wait {wait}, then try again.</source>
        <translation>Zu viele falsche Passwörter für „{username}“. Warten Sie {wait} und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is deactivated. Ask an administrator to reactivate it.</source>
        <translation>Das Konto „{username}“ ist deaktiviert. Bitten Sie einen Administrator, es zu reaktivieren.</translation>
    </message>
    <message>
        <source>An administrator account already exists; sign in, or ask an administrator to create your account.</source>
        <translation>Es gibt bereits ein Administratorkonto; melden Sie sich an oder bitten Sie einen Administrator, Ihr Konto anzulegen.</translation>
    </message>
    <message>
        <source>The database is busy, please try again.</source>
        <translation>Die Datenbank ist ausgelastet, bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space (empty the recycle bin, move or delete large files), then try again. Nothing is damaged.</source>
        <translation>Der Datenträger mit {path} ist voll. Geben Sie Speicherplatz frei (Papierkorb leeren, große Dateien verschieben oder löschen) und versuchen Sie es dann erneut. Es ist nichts beschädigt.</translation>
    </message>
    <message>
        <source>{path} cannot be written: the file, its folder or the disk is read-only. Make them writable (check the file&apos;s properties and that the disk is not write-protected), then try again. Nothing is damaged.</source>
        <translation>{path} kann nicht geschrieben werden: Die Datei, ihr Ordner oder der Datenträger ist schreibgeschützt. Heben Sie den Schreibschutz auf (Dateieigenschaften prüfen und ob der Datenträger schreibgeschützt ist) und versuchen Sie es dann erneut. Es ist nichts beschädigt.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: permission denied. Check that your user account may read and write this file and its folder, then try again.</source>
        <translation>{path} kann nicht geöffnet werden: Zugriff verweigert. Prüfen Sie, ob Ihr Benutzerkonto diese Datei und ihren Ordner lesen und schreiben darf, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{path} is locked by another program (a sync or backup tool, or another copy of Dentasync Desktop). Close it or wait a moment, then try again.</source>
        <translation>{path} ist von einem anderen Programm gesperrt (einem Synchronisations- oder Sicherungsprogramm oder einer anderen Instanz von Dentasync Desktop). Schließen Sie es oder warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{path} cannot be opened. Check that the disk is connected and has free space, and that your user account may read and write the file and its folder, then try again.</source>
        <translation>{path} kann nicht geöffnet werden. Prüfen Sie, ob der Datenträger angeschlossen ist und freien Speicherplatz hat und ob Ihr Benutzerkonto die Datei und ihren Ordner lesen und schreiben darf, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The disk reported an error while using {path}. Check that the disk is connected and has free space, then try again.</source>
        <translation>Der Datenträger hat beim Zugriff auf {path} einen Fehler gemeldet. Prüfen Sie, ob der Datenträger angeschlossen ist und freien Speicherplatz hat, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problems}). The newest backup is {backup}; restore it with &apos;dentasync-desktop restore &quot;{backup}&quot;&apos;.</source>
        <translation>Die Datenbank {path} ist beschädigt ({problems}). Die neueste Sicherung ist {backup}; stellen Sie sie mit &apos;dentasync-desktop restore &quot;{backup}&quot;&apos; wieder her.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problems}). No backup was found.</source>
        <translation>Die Datenbank {path} ist beschädigt ({problems}). Es wurde keine Sicherung gefunden.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Dentasync Desktop (schema {schema}). Install the newer version to open it.</source>
        <translation>Diese Datenbank wurde von einer neueren Version von Dentasync Desktop geschrieben (Schema {schema}). Installieren Sie die neuere Version, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>The database {path} is being restored by another Dentasync Desktop process. Try again when the restore has finished.</source>
        <translation>Die Datenbank {path} wird gerade von einem anderen Dentasync-Desktop-Prozess wiederhergestellt. Versuchen Sie es erneut, wenn die Wiederherstellung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Dentasync Desktop is already open on {path} ({holder}). Switch to that window, or close it and start again.</source>
        <translation>Dentasync Desktop ist bereits mit {path} geöffnet ({holder}). Wechseln Sie zu diesem Fenster oder schließen Sie es und starten Sie erneut.</translation>
    </message>
    <message>
        <source>There is no database to back up at {path}.</source>
        <translation>Unter {path} gibt es keine Datenbank zum Sichern.</translation>
    </message>
    <message>
        <source>The database {path} is open in another Dentasync Desktop window or command. Close it (or let the command finish), then restore again. Nothing was changed.</source>
        <translation>Die Datenbank {path} ist in einem anderen Dentasync-Desktop-Fenster oder -Befehl geöffnet. Schließen Sie es (oder lassen Sie den Befehl zu Ende laufen) und stellen Sie dann erneut wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The database {path} is open in another Dentasync Desktop window or command; the window is {holder}. Close it (or let the command finish), then restore again. Nothing was changed.</source>
        <translation>Die Datenbank {path} ist in einem anderen Dentasync-Desktop-Fenster oder -Befehl geöffnet; das Fenster ist {holder}. Schließen Sie es (oder lassen Sie den Befehl zu Ende laufen) und stellen Sie dann erneut wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The server refused the password of the user {user}.</source>
        <translation>Der Server hat das Passwort des Benutzers {user} abgelehnt.</translation>
    </message>
    <message>
        <source>The server asks for the password of the user {user}; none was given.</source>
        <translation>Der Server verlangt das Passwort des Benutzers {user}; es wurde keines angegeben.</translation>
    </message>
    <message>
        <source>The server has no user called {user}.</source>
        <translation>Der Server hat keinen Benutzer namens {user}.</translation>
    </message>
    <message>
        <source>The server has no database called {database}.</source>
        <translation>Der Server hat keine Datenbank namens {database}.</translation>
    </message>
    <message>
        <source>No database server answers at {host}, port {port}. Check the address, the port, that the server runs and that its firewall lets this PC in.</source>
        <translation>Unter {host}, Port {port} antwortet kein Datenbankserver. Prüfen Sie die Adresse, den Port, ob der Server läuft und ob seine Firewall diesen PC durchlässt.</translation>
    </message>
    <message>
        <source>The server name {host} is not known on this network.</source>
        <translation>Der Servername {host} ist in diesem Netzwerk nicht bekannt.</translation>
    </message>
    <message>
        <source>{host} did not answer within {timeout} seconds.</source>
        <translation>{host} hat nicht innerhalb von {timeout} Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The server lets this PC in only over TLS: choose the TLS mode &quot;require&quot;.</source>
        <translation>Der Server lässt diesen PC nur über TLS zu: Wählen Sie den TLS-Modus „require“.</translation>
    </message>
    <message>
        <source>The server does not offer TLS: choose the TLS mode &quot;prefer&quot;, or set TLS up on the server.</source>
        <translation>Der Server bietet kein TLS an: Wählen Sie den TLS-Modus „prefer“ oder richten Sie TLS auf dem Server ein.</translation>
    </message>
    <message>
        <source>The server does not let the user {user} in from this PC: add a line for it to the server&apos;s pg_hba.conf.</source>
        <translation>Der Server lässt den Benutzer {user} von diesem PC aus nicht zu: Ergänzen Sie eine Zeile dafür in der pg_hba.conf des Servers.</translation>
    </message>
    <message>
        <source>There is no database at {path} to move to a server.</source>
        <translation>Unter {path} gibt es keine Datenbank, die auf einen Server verschoben werden könnte.</translation>
    </message>
    <message>
        <source>This data folder already uses the database server {url}. migrate-to copies this computer&apos;s database file; give --database-url local first.</source>
        <translation>Dieser Datenordner verwendet bereits den Datenbankserver {url}. migrate-to kopiert die Datenbankdatei dieses Computers; geben Sie zuerst --database-url local an.</translation>
    </message>
    <message>
        <source>The database {path} is at schema {schema}, not at {head} as this version expects. Start Dentasync Desktop once on this data folder (it upgrades the file), close it, then move it again.</source>
        <translation>Die Datenbank {path} hat das Schema {schema}, nicht {head}, wie diese Version es erwartet. Starten Sie Dentasync Desktop einmal mit diesem Datenordner (es aktualisiert die Datei), schließen Sie es und verschieben Sie die Datenbank dann erneut.</translation>
    </message>
    <message>
        <source>The database {path} is open in a Dentasync Desktop window or command. Close it (or let the command finish), then move it again. Nothing was copied.</source>
        <translation>Die Datenbank {path} ist in einem Dentasync-Desktop-Fenster oder -Befehl geöffnet. Schließen Sie es (oder lassen Sie den Befehl zu Ende laufen) und verschieben Sie die Datenbank dann erneut. Es wurde nichts kopiert.</translation>
    </message>
    <message>
        <source>The database on the server {url} already holds Dentasync data (in {tables}). migrate-to only fills an empty database; create a new one for it. Nothing was copied.</source>
        <translation>Die Datenbank auf dem Server {url} enthält bereits Dentasync-Daten (in {tables}). migrate-to füllt nur eine leere Datenbank; legen Sie dafür eine neue an. Es wurde nichts kopiert.</translation>
    </message>
    <message>
        <source>The file of &apos;{name}&apos; is missing from the attachments folder ({folder}). Restore it from a backup or add it again.</source>
        <translation>Die Datei zu „{name}“ fehlt im Anhangsordner ({folder}). Stellen Sie sie aus einer Sicherung wieder her oder fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <source>The content of &apos;{name}&apos; is missing from the database. Restore the database from a backup or add the file again.</source>
        <translation>Der Inhalt von „{name}“ fehlt in der Datenbank. Stellen Sie die Datenbank aus einer Sicherung wieder her oder fügen Sie die Datei erneut hinzu.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Erforderlich.</translation>
    </message>
    <message>
        <source>Contains characters that are not valid text.</source>
        <translation>Enthält ungültige Zeichen.</translation>
    </message>
    <message>
        <source>Too long ({length} characters, at most {limit}).</source>
        <translation>Zu lang ({length} Zeichen, höchstens {limit}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>„{value}“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>Must be between {minimum} and {maximum}.</source>
        <translation>Muss zwischen {minimum} und {maximum} liegen.</translation>
    </message>
    <message>
        <source>Cannot be before the documented date.</source>
        <translation>Darf nicht vor dem Erfassungsdatum liegen.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Kein Datum.</translation>
    </message>
    <message>
        <source>No such record.</source>
        <translation>Eintrag nicht vorhanden.</translation>
    </message>
    <message>
        <source>A currency is required.</source>
        <translation>Eine Währung ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown currency code &apos;{value}&apos;.</source>
        <translation>Unbekannter Währungscode „{value}“.</translation>
    </message>
    <message>
        <source>Not an amount of money.</source>
        <translation>Kein Geldbetrag.</translation>
    </message>
    <message>
        <source>Too large (at most {maximum} {currency}).</source>
        <translation>Zu groß (höchstens {maximum} {currency}).</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Keine Zahl.</translation>
    </message>
    <message>
        <source>An amount is required.</source>
        <translation>Ein Betrag ist erforderlich.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid amount.</source>
        <translation>„{value}“ ist kein gültiger Betrag.</translation>
    </message>
    <message>
        <source>Must be at least {minimum}.</source>
        <translation>Muss mindestens {minimum} sein.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a tooth in FDI notation (11-48, 51-85).</source>
        <translation>„{value}“ ist kein Zahn in FDI-Notation (11–48, 51–85).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an order number.</source>
        <translation>„{value}“ ist keine Auftragsnummer.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>Darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>Muss größer als null sein.</translation>
    </message>
    <message>
        <source>Choose an active staff member.</source>
        <translation>Einen aktiven Mitarbeiter auswählen.</translation>
    </message>
    <message>
        <source>Choose an active customer.</source>
        <translation>Einen aktiven Kunden auswählen.</translation>
    </message>
    <message>
        <source>Already the order&apos;s customer.</source>
        <translation>Ist bereits der Kunde des Auftrags.</translation>
    </message>
    <message>
        <source>An order cannot be a remake of itself.</source>
        <translation>Ein Auftrag kann keine Neuanfertigung von sich selbst sein.</translation>
    </message>
    <message>
        <source>Cannot be in the future.</source>
        <translation>Darf nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <source>Must be after the start.</source>
        <translation>Muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>At most {days} days at a time.</source>
        <translation>Höchstens {days} Tage auf einmal.</translation>
    </message>
    <message>
        <source>Needs a time zone.</source>
        <translation>Benötigt eine Zeitzone.</translation>
    </message>
    <message>
        <source>A date and time is required.</source>
        <translation>Datum und Uhrzeit sind erforderlich.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Der Ordner {path} existiert nicht.</translation>
    </message>
    <message>
        <source>Must be one of {choices}.</source>
        <translation>Muss eines der folgenden sein: {choices}.</translation>
    </message>
    <message>
        <source>Cannot sort by &apos;{value}&apos;.</source>
        <translation>Kann nicht nach „{value}“ sortieren.</translation>
    </message>
    <message>
        <source>Choose a file to attach.</source>
        <translation>Eine Datei zum Anhängen auswählen.</translation>
    </message>
    <message>
        <source>Select at least one work order to print.</source>
        <translation>Mindestens einen Auftrag zum Drucken auswählen.</translation>
    </message>
    <message>
        <source>Must differ from the current password.</source>
        <translation>Muss sich vom aktuellen Passwort unterscheiden.</translation>
    </message>
    <message>
        <source>Not correct.</source>
        <translation>Nicht korrekt.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Das eigene Konto kann nicht deaktiviert werden.</translation>
    </message>
    <message>
        <source>Cannot combine {first} and {second} amounts.</source>
        <translation>Kann Beträge in {first} und {second} nicht zusammenrechnen.</translation>
    </message>
    <message>
        <source>{record} #{id} does not exist.</source>
        <translation>{record} #{id} existiert nicht.</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>Es gibt keinen Auftrag {number}.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} existiert nicht.</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {problems}.</source>
        <translation>{path} kann nicht wiederhergestellt werden: {problems}.</translation>
    </message>
    <message>
        <source>{path} is not a Dentasync Desktop database.</source>
        <translation>{path} ist keine Dentasync-Desktop-Datenbank.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Dentasync Desktop; update the app first.</source>
        <translation>{path} wurde mit einer neueren Version von Dentasync Desktop erstellt; aktualisieren Sie zuerst die Anwendung.</translation>
    </message>
    <message>
        <source>Migration left {count} broken references.</source>
        <translation>Die Migration hat {count} defekte Verweise hinterlassen.</translation>
    </message>
    <message>
        <source>The migrations have {count} heads; expected one.</source>
        <translation>Die Migrationen haben {count} Heads; erwartet wird einer.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate could not be verified: {reason}.</source>
        <translation>Das TLS-Zertifikat des Servers konnte nicht geprüft werden: {reason}.</translation>
    </message>
    <message>
        <source>The server refused the connection: {reason}.</source>
        <translation>Der Server hat die Verbindung abgelehnt: {reason}.</translation>
    </message>
    <message>
        <source>Cannot connect to the database server {url}: {reason}.</source>
        <translation>Keine Verbindung zum Datenbankserver {url} möglich: {reason}.</translation>
    </message>
    <message>
        <source>The database URL is not valid ({reason}). Expected {expected}.</source>
        <translation>Die Datenbank-URL ist ungültig ({reason}). Erwartet wird {expected}.</translation>
    </message>
    <message>
        <source>The database URL must start with {driver}://, not {given}://.</source>
        <translation>Die Datenbank-URL muss mit {driver}:// beginnen, nicht mit {given}://.</translation>
    </message>
    <message>
        <source>The database URL {url} names no host or no database.</source>
        <translation>Die Datenbank-URL {url} nennt keinen Host oder keine Datenbank.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a server name or address (e.g. clinic-server or 192.168.1.10).</source>
        <translation>„{value}“ ist kein Servername und keine Adresse (z. B. praxis-server oder 192.168.1.10).</translation>
    </message>
    <message>
        <source>{tool} was not found on this PC; it is needed to back up or restore the database server (PostgreSQL {version}). Install PostgreSQL&apos;s client tools, version {version} or newer: on Windows or macOS with the installer from postgresql.org, on Debian or Ubuntu with &apos;sudo apt install postgresql-client-{version}&apos;. If they are installed elsewhere, set DENTASYNC_PG_BIN to their folder. Then try again.</source>
        <translation>{tool} wurde auf diesem PC nicht gefunden; es wird zum Sichern und Wiederherstellen des Datenbankservers (PostgreSQL {version}) gebraucht. Installieren Sie die Client-Programme von PostgreSQL, Version {version} oder neuer: unter Windows oder macOS mit dem Installationsprogramm von postgresql.org, unter Debian oder Ubuntu mit &apos;sudo apt install postgresql-client-{version}&apos;. Sind sie an anderer Stelle installiert, setzen Sie DENTASYNC_PG_BIN auf ihren Ordner. Versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{tool} at {path} is version {found}, older than the database server (PostgreSQL {version}). Install PostgreSQL&apos;s client tools, version {version} or newer (on Debian or Ubuntu: &apos;sudo apt install postgresql-client-{version}&apos;), then try again.</source>
        <translation>{tool} unter {path} hat die Version {found}, älter als der Datenbankserver (PostgreSQL {version}). Installieren Sie die Client-Programme von PostgreSQL, Version {version} oder neuer (unter Debian oder Ubuntu: &apos;sudo apt install postgresql-client-{version}&apos;), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}.</source>
        <translation>{tool} ist fehlgeschlagen: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a backup of a database server (a pg_dump archive, usually a .dump file).</source>
        <translation>{path} ist keine Sicherung eines Datenbankservers (ein pg_dump-Archiv, meist eine .dump-Datei).</translation>
    </message>
    <message>
        <source>There is no user called &apos;{name}&apos;.</source>
        <translation>Es gibt keinen Benutzer namens „{name}“.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a label size; choose {choices}.</source>
        <translation>„{value}“ ist keine Etikettengröße; wählen Sie {choices}.</translation>
    </message>
    <message>
        <source>Unknown section &apos;{value}&apos;; choose from {choices}.</source>
        <translation>Unbekannter Abschnitt „{value}“; wählen Sie aus {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a paper size; choose a4 or letter.</source>
        <translation>„{value}“ ist kein Papierformat; wählen Sie a4 oder letter.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {choices}.</source>
        <translation>„{value}“ ist keiner der zulässigen Werte {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an IBAN (a country code, 2 check digits, then the account in letters and digits).</source>
        <translation>„{value}“ ist keine IBAN (ein Ländercode, 2 Prüfziffern, dann die Kontonummer aus Buchstaben und Ziffern).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a country that uses IBANs.</source>
        <translation>„{value}“ ist kein Land, das IBANs verwendet.</translation>
    </message>
    <message>
        <source>An IBAN from {country} has {length} characters, this one has {actual}.</source>
        <translation>Eine IBAN aus {country} hat {length} Zeichen, diese hat {actual}.</translation>
    </message>
    <message>
        <source>The check digits do not match; please check for typos.</source>
        <translation>Die Prüfziffern stimmen nicht; bitte auf Tippfehler prüfen.</translation>
    </message>
    <message>
        <source>Does not have the form of an IBAN from {country}; please check for typos.</source>
        <translation>Hat nicht die Form einer IBAN aus {country}; bitte auf Tippfehler prüfen.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX.</source>
        <translation>„{value}“ ist keine BIC: Sie besteht aus 8 oder 11 Buchstaben und Ziffern, z. B. COBADEFFXXX.</translation>
    </message>
    <message>
        <source>&apos;{country}&apos; in &apos;{value}&apos; is not a country code (letters 5 and 6 of a BIC name the bank&apos;s country).</source>
        <translation>„{country}“ in „{value}“ ist kein Ländercode (die Zeichen 5 und 6 einer BIC geben das Land der Bank an).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a BIC: 4 letters for the bank, 2 for the country, 2 for the place, maybe 3 for the branch (e.g. COBADEFFXXX).</source>
        <translation>„{value}“ ist keine BIC: 4 Buchstaben für die Bank, 2 für das Land, 2 für den Ort, ggf. 3 für die Filiale (z. B. COBADEFFXXX).</translation>
    </message>
    <message>
        <source>The plan amount must be greater than zero.</source>
        <translation>Der Betrag des Zahlungsplans muss größer als null sein.</translation>
    </message>
    <message>
        <source>More installments than the amount can be split into.</source>
        <translation>Mehr Raten, als sich der Betrag aufteilen lässt.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not exist (any more).</source>
        <translation>„{name}“ existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be read: {reason}.</source>
        <translation>„{name}“ kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a possible file name.</source>
        <translation>„{name}“ ist kein zulässiger Dateiname.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a folder; choose a file.</source>
        <translation>„{name}“ ist ein Ordner; wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an ordinary file.</source>
        <translation>„{name}“ ist keine gewöhnliche Datei.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is too large ({size_mb} MB); the limit is {limit_mb} MB.</source>
        <translation>„{name}“ ist zu groß ({size_mb} MB); erlaubt sind höchstens {limit_mb} MB.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was already removed.</source>
        <translation>„{name}“ wurde bereits entfernt.</translation>
    </message>
    <message>
        <source>Needs a date and time with a time zone.</source>
        <translation>Benötigt Datum und Uhrzeit mit Zeitzone.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of appointment.</source>
        <translation>„{value}“ ist keine Terminart.</translation>
    </message>
    <message>
        <source>The event is already done.</source>
        <translation>Der Termin ist bereits erledigt.</translation>
    </message>
    <message>
        <source>The event is already open.</source>
        <translation>Der Termin ist bereits offen.</translation>
    </message>
    <message>
        <source>At most {limit} per service.</source>
        <translation>Höchstens {limit} je Leistung.</translation>
    </message>
    <message>
        <source>{record} {name} is already active.</source>
        <translation>{record} {name} ist bereits aktiv.</translation>
    </message>
    <message>
        <source>{record} {name} is already inactive.</source>
        <translation>{record} {name} ist bereits deaktiviert.</translation>
    </message>
    <message>
        <source>A dental lab named &apos;{name}&apos; already exists.</source>
        <translation>Ein Dentallabor namens „{name}“ existiert bereits.</translation>
    </message>
    <message>
        <source>A customer named &apos;{name}&apos; already exists.</source>
        <translation>Ein Kunde namens „{name}“ existiert bereits.</translation>
    </message>
    <message>
        <source>A customer named &apos;{name}&apos; at {clinic} already exists.</source>
        <translation>Ein Kunde namens „{name}“ bei {clinic} existiert bereits.</translation>
    </message>
    <message>
        <source>The code &apos;{value}&apos; is already used by another service.</source>
        <translation>Das Kürzel „{value}“ wird bereits von einer anderen Leistung verwendet.</translation>
    </message>
    <message>
        <source>The page continues another sort order.</source>
        <translation>Die Seite setzt eine andere Sortierung fort.</translation>
    </message>
    <message>
        <source>At most {limit} items per order.</source>
        <translation>Höchstens {limit} Positionen je Auftrag.</translation>
    </message>
    <message>
        <source>At most {limit} tasks per order.</source>
        <translation>Höchstens {limit} Aufgaben je Auftrag.</translation>
    </message>
    <message>
        <source>The order total {total} is too large (at most {maximum}).</source>
        <translation>Der Gesamtbetrag des Auftrags {total} ist zu groß (höchstens {maximum}).</translation>
    </message>
    <message>
        <source>Must be in the order currency {currency}.</source>
        <translation>Muss in der Auftragswährung {currency} sein.</translation>
    </message>
    <message>
        <source>The total {total} would be below what is already paid ({paid}); void payments first.</source>
        <translation>Der Gesamtbetrag {total} läge unter dem bereits bezahlten Betrag ({paid}); stornieren Sie zuerst Zahlungen.</translation>
    </message>
    <message>
        <source>The total {total} would be below the payment plan ({plan}); change the plan first.</source>
        <translation>Der Gesamtbetrag {total} läge unter dem Zahlungsplan ({plan}); ändern Sie zuerst den Plan.</translation>
    </message>
    <message>
        <source>{record} is deactivated.</source>
        <translation>{record} ist deaktiviert.</translation>
    </message>
    <message>
        <source>Cannot change while payments or a plan exist.</source>
        <translation>Kann nicht geändert werden, solange Zahlungen oder ein Zahlungsplan bestehen.</translation>
    </message>
    <message>
        <source>Payments or a plan exist in {currency}; void them first.</source>
        <translation>Es bestehen Zahlungen oder ein Zahlungsplan in {currency}; stornieren bzw. entfernen Sie diese zuerst.</translation>
    </message>
    <message>
        <source>The order is already on hold.</source>
        <translation>Der Auftrag ist bereits zurückgestellt.</translation>
    </message>
    <message>
        <source>The order is already not on hold.</source>
        <translation>Der Auftrag ist nicht zurückgestellt.</translation>
    </message>
    <message>
        <source>{number} does not exist.</source>
        <translation>{number} existiert nicht.</translation>
    </message>
    <message>
        <source>The file name contains a NUL character.</source>
        <translation>Der Dateiname enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The file name contains characters that are not valid text.</source>
        <translation>Der Dateiname enthält ungültige Zeichen.</translation>
    </message>
    <message>
        <source>The file name is too long; choose a shorter one.</source>
        <translation>Der Dateiname ist zu lang; wählen Sie einen kürzeren.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a {kind} file.</source>
        <translation>{path} ist ein Ordner; geben Sie den Namen einer {kind}-Datei an.</translation>
    </message>
    <message>
        <source>Must be the order currency {currency}, not {given}.</source>
        <translation>Muss die Auftragswährung {currency} sein, nicht {given}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a payment method.</source>
        <translation>„{value}“ ist keine Zahlungsart.</translation>
    </message>
    <message>
        <source>Cannot be more than the order total ({total}).</source>
        <translation>Darf nicht höher sein als der Gesamtbetrag des Auftrags ({total}).</translation>
    </message>
    <message>
        <source>The installments would fall after the year {year}.</source>
        <translation>Die Raten würden erst nach dem Jahr {year} fällig.</translation>
    </message>
    <message>
        <source>The order has no payment plan.</source>
        <translation>Der Auftrag hat keinen Zahlungsplan.</translation>
    </message>
    <message>
        <source>More than the balance ({balance}).</source>
        <translation>Mehr als der offene Betrag ({balance}).</translation>
    </message>
    <message>
        <source>The order is already fully paid.</source>
        <translation>Der Auftrag ist bereits vollständig bezahlt.</translation>
    </message>
    <message>
        <source>Was already voided: {reason}.</source>
        <translation>Wurde bereits storniert: {reason}.</translation>
    </message>
    <message>
        <source>Must be days, weeks or months.</source>
        <translation>Muss Tage, Wochen oder Monate sein.</translation>
    </message>
    <message>
        <source>Was finalized on {date} and is locked.</source>
        <translation>Wurde am {date} festgeschrieben und ist gesperrt.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a reminder.</source>
        <translation>„{value}“ ist keine Erinnerung.</translation>
    </message>
    <message>
        <source>No dental lab is called &apos;{name}&apos; (the labs are: {labs}).</source>
        <translation>Es gibt kein Dentallabor namens „{name}“ (vorhandene Labore: {labs}).</translation>
    </message>
    <message>
        <source>Must be a PNG or JPEG image (.png, .jpg or .jpeg).</source>
        <translation>Muss ein PNG- oder JPEG-Bild sein (.png, .jpg oder .jpeg).</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Die Datei {path} existiert nicht.</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} ist kein PNG- oder JPEG-Bild.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a preference key (letters, digits, dots, hyphens, underscores; at most 95 characters).</source>
        <translation>„{value}“ ist kein Einstellungsschlüssel (Buchstaben, Ziffern, Punkte, Bindestriche, Unterstriche; höchstens 95 Zeichen).</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}.</source>
        <translation>{path} kann nicht verwendet werden: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>Use 3 to 50 characters: letters a-z, digits, dots, hyphens or underscores.</source>
        <translation>3 bis 50 Zeichen verwenden: Buchstaben a-z, Ziffern, Punkte, Bindestriche oder Unterstriche.</translation>
    </message>
    <message>
        <source>Must be at least {minimum} characters long.</source>
        <translation>Muss mindestens {minimum} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a role (one of {choices}).</source>
        <translation>„{value}“ ist keine Rolle (möglich: {choices}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is already taken.</source>
        <translation>„{value}“ ist bereits vergeben.</translation>
    </message>
    <message>
        <source>{username} is already active.</source>
        <translation>{username} ist bereits aktiv.</translation>
    </message>
    <message>
        <source>{username} is already deactivated.</source>
        <translation>{username} ist bereits deaktiviert.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator; make another user an administrator first.</source>
        <translation>{username} ist der letzte aktive Administrator; machen Sie zuerst einen anderen Benutzer zum Administrator.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator.</source>
        <translation>{username} ist der letzte aktive Administrator.</translation>
    </message>
    <message>
        <source>Nothing to plan: none of the order&apos;s services has task templates.</source>
        <translation>Nichts zu planen: keine der Leistungen des Auftrags hat Aufgabenvorlagen.</translation>
    </message>
    <message>
        <source>Nothing to plan: every template task is already in the work plan.</source>
        <translation>Nichts zu planen: alle Aufgaben aus den Vorlagen stehen bereits im Arbeitsplan.</translation>
    </message>
    <message>
        <source>The task is already first.</source>
        <translation>Die Aufgabe ist bereits die erste.</translation>
    </message>
    <message>
        <source>The task is already last.</source>
        <translation>Die Aufgabe ist bereits die letzte.</translation>
    </message>
    <message>
        <source>The task is already where it is.</source>
        <translation>Die Aufgabe steht bereits an dieser Stelle.</translation>
    </message>
    <message>
        <source>The task is already assigned to {name}.</source>
        <translation>Die Aufgabe ist bereits {name} zugewiesen.</translation>
    </message>
    <message>
        <source>The task is already unassigned.</source>
        <translation>Die Aufgabe ist bereits niemandem zugewiesen.</translation>
    </message>
    <message>
        <source>The task is already done.</source>
        <translation>Die Aufgabe ist bereits erledigt.</translation>
    </message>
    <message>
        <source>The task is already open.</source>
        <translation>Die Aufgabe ist bereits offen.</translation>
    </message>
    <message>
        <source>the file is not an SQLite database</source>
        <translation>die Datei ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>the header names an impossible page size ({page_size})</source>
        <translation>der Dateikopf nennt eine unmögliche Seitengröße ({page_size})</translation>
    </message>
    <message>
        <source>the file is cut short ({size} bytes of {expected})</source>
        <translation>die Datei ist abgeschnitten ({size} von {expected} Bytes)</translation>
    </message>
    <message>
        <source>tables missing: {names}</source>
        <translation>fehlende Tabellen: {names}</translation>
    </message>
    <message>
        <source>indexes missing: {names}</source>
        <translation>fehlende Indizes: {names}</translation>
    </message>
    <message>
        <source>triggers missing: {names}</source>
        <translation>fehlende Trigger: {names}</translation>
    </message>
    <message>
        <source>columns missing: {names}</source>
        <translation>fehlende Spalten: {names}</translation>
    </message>
    <message>
        <source>the database {path} does not exist yet</source>
        <translation>die Datenbank {path} existiert noch nicht</translation>
    </message>
    <message>
        <source>folder missing: {path}</source>
        <translation>fehlender Ordner: {path}</translation>
    </message>
    <message>
        <source>integrity: {problem}</source>
        <translation>Integrität: {problem}</translation>
    </message>
    <message>
        <source>this is not a Dentasync Desktop database (no schema version)</source>
        <translation>dies ist keine Dentasync-Desktop-Datenbank (keine Schemaversion)</translation>
    </message>
    <message>
        <source>schema is at {schema}, expected {head}</source>
        <translation>das Schema ist {schema}, erwartet wird {head}</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>a payment plan</source>
        <translation>einen Zahlungsplan</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>payroll records</source>
        <translation>Vergütungseinträge</translation>
    </message>
    <message>
        <source>work-plan tasks done</source>
        <translation>erledigte Aufgaben im Arbeitsplan</translation>
    </message>
    <message>
        <source>copies or remakes</source>
        <translation>Kopien oder Neuanfertigungen</translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} und %n weiterer</numerusform>
            <numerusform>{numbers} und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose stored paid amount disagrees with their payments: {numbers}</source>
        <translation>
            <numerusform>%n Auftrag, dessen gespeicherter bezahlter Betrag nicht zu seinen Zahlungen passt: {numbers}</numerusform>
            <numerusform>%n Aufträge, deren gespeicherter bezahlter Betrag nicht zu ihren Zahlungen passt: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose payments are in another currency: {numbers}</source>
        <translation>
            <numerusform>%n Auftrag, dessen Zahlungen in einer anderen Währung sind: {numbers}</numerusform>
            <numerusform>%n Aufträge, deren Zahlungen in einer anderen Währung sind: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of {table} refer to {parent} rows that do not exist</source>
        <translation>
            <numerusform>%n Zeile von {table} verweist auf Zeilen von {parent}, die es nicht gibt</numerusform>
            <numerusform>%n Zeilen von {table} verweisen auf Zeilen von {parent}, die es nicht gibt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>{action} is not possible for an order that is {status}.</source>
        <translation>{action} ist bei einem Auftrag mit Status „{status}“ nicht möglich.</translation>
    </message>
    <message>
        <source>The order is on hold: take it off hold first.</source>
        <translation>Der Auftrag ist zurückgestellt: Heben Sie zuerst die Zurückstellung auf.</translation>
    </message>
    <message>
        <source>Only a draft can be deleted; this order is {status}: cancel it instead.</source>
        <translation>Nur ein Entwurf kann gelöscht werden; dieser Auftrag hat den Status „{status}“: Stornieren Sie ihn stattdessen.</translation>
    </message>
    <message>
        <source>The order already has {kept}: cancel it instead of deleting it.</source>
        <translation>Der Auftrag hat bereits {kept}: Stornieren Sie ihn, statt ihn zu löschen.</translation>
    </message>
    <message>
        <source>The order has no items and a total of 0.00: add what the lab should make before publishing it.</source>
        <translation>Der Auftrag hat keine Positionen und einen Gesamtbetrag von 0,00: Erfassen Sie vor der Freigabe, was das Labor anfertigen soll.</translation>
    </message>
    <message numerus="yes">
        <source>%n work-plan task(s) still open ({tasks}); tick them done first.</source>
        <translation>
            <numerusform>%n Aufgabe im Arbeitsplan ist noch offen ({tasks}); haken Sie sie zuerst als erledigt ab.</numerusform>
            <numerusform>%n Aufgaben im Arbeitsplan sind noch offen ({tasks}); haken Sie sie zuerst als erledigt ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>The order is {status}, not delivered: there is no delivery to undo.</source>
        <translation>Der Auftrag hat den Status „{status}“, nicht „Geliefert“: Es gibt keine Lieferung rückgängig zu machen.</translation>
    </message>
    <message numerus="yes">
        <source>%n other connection(s) are open to the database {database}: Dentasync Desktop on other PCs, or another program. Close the app on the other PCs, then restore again. Nothing was changed.</source>
        <translation>
            <numerusform>%n andere Verbindung zur Datenbank {database} ist offen: Dentasync Desktop auf anderen PCs oder ein anderes Programm. Schließen Sie die App auf den anderen PCs und stellen Sie dann erneut wieder her. Es wurde nichts geändert.</numerusform>
            <numerusform>%n andere Verbindungen zur Datenbank {database} sind offen: Dentasync Desktop auf anderen PCs oder ein anderes Programm. Schließen Sie die App auf den anderen PCs und stellen Sie dann erneut wieder her. Es wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{currency} allows at most %n decimal place(s).</source>
        <translation>
            <numerusform>{currency} erlaubt höchstens %n Nachkommastelle.</numerusform>
            <numerusform>{currency} erlaubt höchstens %n Nachkommastellen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>bank name</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation>Praxis</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>date from</source>
        <translation>Datum von</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>date to</source>
        <translation>Datum bis</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>default turnaround days</source>
        <translation>Durchlaufzeit</translation>
    </message>
    <message>
        <source>dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>document language</source>
        <translation>Dokumentensprache</translation>
    </message>
    <message>
        <source>documented date</source>
        <translation>Erfassungsdatum</translation>
    </message>
    <message>
        <source>done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>due from</source>
        <translation>Liefertermin von</translation>
    </message>
    <message>
        <source>due to</source>
        <translation>Liefertermin bis</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>first due date</source>
        <translation>Erste Fälligkeit</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>from</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>Zurückstellung</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>idle lock</source>
        <translation>Sperre bei Inaktivität</translation>
    </message>
    <message>
        <source>installments</source>
        <translation>Raten</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>interval unit</source>
        <translation>Intervalleinheit</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>paper size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>payment note</source>
        <translation>Zahlungsnotiz</translation>
    </message>
    <message>
        <source>payment plan</source>
        <translation>Zahlungsplan</translation>
    </message>
    <message>
        <source>payroll record</source>
        <translation>Vergütungseintrag</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>remake of</source>
        <translation>Neuanfertigung von</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>seat-readiness days</source>
        <translation>Vorwarnung (Tage)</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>Zahnfarbe</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>snooze</source>
        <translation>Aufschub</translation>
    </message>
    <message>
        <source>sort</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>start page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>task name</source>
        <translation>Aufgabenname</translation>
    </message>
    <message>
        <source>task templates</source>
        <translation>Aufgabenvorlagen</translation>
    </message>
    <message>
        <source>time period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS-Modus</translation>
    </message>
    <message>
        <source>to</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>work plan</source>
        <translation>Arbeitsplan</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>An open work order</source>
        <translation>Ein geöffneter Auftrag</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Dentallabore</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Leistungen &amp; Preise</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Mitarbeiter &amp; Benutzer</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Scanning and check-in</source>
        <translation>Scannen und Wareneingang</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every command of the menus with its keys:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jeder Menübefehl mit seinen Tasten:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>labs</name>
    <message>
        <source>Edit dental lab</source>
        <translation>Dentallabor bearbeiten</translation>
    </message>
    <message>
        <source>New dental lab</source>
        <translation>Neues Dentallabor</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>Ansprech&amp;partner:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>A new order&apos;s due date is its documented date plus this</source>
        <translation>Der Liefertermin eines neuen Auftrags ist sein Erfassungsdatum plus diese Dauer</translation>
    </message>
    <message>
        <source>&amp;Turnaround:</source>
        <translation>&amp;Durchlaufzeit:</translation>
    </message>
    <message>
        <source>As the app</source>
        <translation>Wie die Anwendung</translation>
    </message>
    <message>
        <source>The language of this lab&apos;s order forms, box labels and payment instructions</source>
        <translation>Die Sprache der Auftragsformulare, Boxetiketten und Zahlungsinformationen dieses Labors</translation>
    </message>
    <message>
        <source>&amp;Documents in:</source>
        <translation>Dokumenten&amp;sprache:</translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation>Zahlungsinformationen</translation>
    </message>
    <message>
        <source>Account &amp;holder:</source>
        <translation>&amp;Kontoinhaber:</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>&amp;Bank:</translation>
    </message>
    <message>
        <source>&amp;IBAN:</source>
        <translation>&amp;IBAN:</translation>
    </message>
    <message>
        <source>BI&amp;C:</source>
        <translation>BI&amp;C:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otiz:</translation>
    </message>
    <message>
        <source>The payment QR code carries only the first {limit} characters of this name: banking apps will show “{shown}”. A shorter account holder avoids it.</source>
        <translation>Der Zahlungs-QR-Code enthält nur die ersten {limit} Zeichen dieses Namens: Banking-Apps zeigen „{shown}“ an. Ein kürzerer Name des Kontoinhabers vermeidet das.</translation>
    </message>
    <message>
        <source>dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Turnaround</source>
        <translation>Durchlaufzeit</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} Tage</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Dentallabore</translation>
    </message>
    <message>
        <source>The labs that make the work. The turnaround sets a new order&apos;s due date; the bank details appear in the order&apos;s payment instructions.</source>
        <translation>Die Labore, die die Arbeiten anfertigen. Die Durchlaufzeit bestimmt den Liefertermin eines neuen Auftrags; die Bankverbindung erscheint in den Zahlungsinformationen des Auftrags.</translation>
    </message>
</context>
<context>
    <name>maintenance</name>
    <message>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Dentallabore</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Leistungen &amp; Preise</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Mitarbeiter &amp; Benutzer</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Print order form…</source>
        <translation>Auftragsformular &amp;drucken…</translation>
    </message>
    <message>
        <source>Print box &amp;label…</source>
        <translation>Box&amp;etikett drucken…</translation>
    </message>
    <message>
        <source>Print payment &amp;instructions…</source>
        <translation>Zahlungs&amp;informationen drucken…</translation>
    </message>
</context>
<context>
    <name>patients</name>
    <message>
        <source>Edit patient</source>
        <translation>Patient bearbeiten</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>known</source>
        <translation>bekannt</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>Ansprech&amp;partner:</translation>
    </message>
    <message>
        <source>e.g. a parent or carer</source>
        <translation>z. B. ein Elternteil oder eine Betreuungsperson</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>N&amp;otiz:</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>The patients the work is for. Search by name, phone or note.</source>
        <translation>Die Patienten, für die die Arbeiten bestimmt sind. Suche nach Name, Telefon oder Notiz.</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Edit staff member</source>
        <translation>Mitarbeiter bearbeiten</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Neuer Mitarbeiter</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Funktion:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>(deactivated staff member)</source>
        <translation>(deaktivierter Mitarbeiter)</translation>
    </message>
    <message>
        <source>Links the account to a staff member, for work-plan tasks</source>
        <translation>Verknüpft das Konto mit einem Mitarbeiter, für Aufgaben im Arbeitsplan</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Mitarbeiter:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({user}).</source>
        <translation>Neues Passwort für {name} ({user}) festlegen.</translation>
    </message>
    <message>
        <source>Repeat password: the two passwords differ.</source>
        <translation>Passwort wiederholen: Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The password of {user} was reset. Tell them the new one.</source>
        <translation>Das Passwort von {user} wurde zurückgesetzt. Teilen Sie das neue Passwort mit.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Benutzerkonten</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Mitarbeiter &amp; Benutzer</translation>
    </message>
    <message>
        <source>Staff are the people work-plan tasks and payroll are assigned to; user accounts sign in, each with a role that decides what they may do.</source>
        <translation>Mitarbeiter sind die Personen, denen Aufgaben im Arbeitsplan und Vergütungen zugeordnet werden; Benutzerkonten melden sich an, jeweils mit einer Rolle, die festlegt, was sie dürfen.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer}.</source>
        <translation>
            <numerusform>%n Seite an {printer} gesendet.</numerusform>
            <numerusform>%n Seiten an {printer} gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <source>Barcode and QR code</source>
        <translation>Barcode und QR-Code</translation>
    </message>
    <message>
        <source>Customer, patient and dental lab</source>
        <translation>Kunde, Patient und Dentallabor</translation>
    </message>
    <message>
        <source>Teeth diagram</source>
        <translation>Zahnschema</translation>
    </message>
    <message>
        <source>Items and services</source>
        <translation>Positionen und Leistungen</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Arbeitsplan</translation>
    </message>
    <message>
        <source>Description and notes</source>
        <translation>Beschreibung und Notizen</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Signature and date lines</source>
        <translation>Unterschrift und Datum</translation>
    </message>
    <message>
        <source>Print order form {number}</source>
        <translation>Auftragsformular {number} drucken</translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation>Etikettengröße:</translation>
    </message>
    <message>
        <source>Print box label {number}</source>
        <translation>Boxetikett {number} drucken</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier:</translation>
    </message>
    <message>
        <source>Payment instructions {number}</source>
        <translation>Zahlungsinformationen {number}</translation>
    </message>
    <message>
        <source>Print order forms</source>
        <translation>Auftragsformulare drucken</translation>
    </message>
    <message>
        <source>Select the work orders to print first.</source>
        <translation>Zuerst die zu druckenden Aufträge auswählen.</translation>
    </message>
    <message numerus="yes">
        <source>Print %n order form(s)</source>
        <translation>
            <numerusform>%n Auftragsformular drucken</numerusform>
            <numerusform>%n Auftragsformulare drucken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Case not back: {kind} {when} (the order is {status})</source>
        <translation>Arbeit nicht zurück: {kind} {when} (Auftrag: {status})</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>{kind} {when}: {patient}</source>
        <translation>{kind} {when}: {patient}</translation>
    </message>
    <message>
        <source>{order} is {status}</source>
        <translation>{order} ist {status}</translation>
    </message>
    <message>
        <source>Case not back: {kind} on {day}: {patient}</source>
        <translation>Arbeit nicht zurück: {kind} am {day}: {patient}</translation>
    </message>
    <message>
        <source>Due tomorrow, not back from the lab: {patient}</source>
        <translation>Morgen fällig, nicht vom Labor zurück: {patient}</translation>
    </message>
    <message>
        <source>Installment due today: {patient}</source>
        <translation>Rate heute fällig: {patient}</translation>
    </message>
    <message>
        <source>{order}: {amount} to pay</source>
        <translation>{order}: {amount} zu zahlen</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Dentallabor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>order {status}</source>
        <translation>Auftrag {status}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>Keine Termine.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s)</source>
        <translation>
            <numerusform>%n Labor</numerusform>
            <numerusform>%n Labore</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>No work orders match these filters.</source>
        <translation>Keine Aufträge entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>No labs match these filters.</source>
        <translation>Keine Labore entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>No appointments match these filters.</source>
        <translation>Keine Termine entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>No rows match these filters.</source>
        <translation>Keine Zeilen entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>Generated: {when}</source>
        <translation>Erstellt: {when}</translation>
    </message>
    <message>
        <source>Total {currency} ({count})</source>
        <translation>Gesamt {currency} ({count})</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Dentallabore</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Finance report</source>
        <translation>Finanzbericht</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded.</source>
        <translation>Stornierte Aufträge sind nicht enthalten.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Zahlungsstatus</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Time period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>ab {start}</translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation>bis {end}</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Lab scorecard</source>
        <translation>Laborbewertung</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded. Turnaround: sent to the lab to delivered, in days (to a quarter day); on time: delivered on or before the due date.</source>
        <translation>Stornierte Aufträge sind nicht enthalten. Durchlaufzeit: von der Übergabe an das Labor bis zur Lieferung, in Tagen (auf einen Vierteltag genau); pünktlich: am oder vor dem Liefertermin geliefert.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Geliefert</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Pünktlich</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Median (Tage)</translation>
    </message>
    <message>
        <source>90% days</source>
        <translation>90 % (Tage)</translation>
    </message>
    <message>
        <source>Remakes</source>
        <translation>Neuanfertigungen</translation>
    </message>
    <message>
        <source>Remake rate</source>
        <translation>Neuanfertigungsquote</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Ø Tage Verspätung</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Days after start</source>
        <translation>Tage nach Beginn</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Edit service</source>
        <translation>Leistung bearbeiten</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Neue Leistung</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Unit price:</source>
        <translation>&amp;Einzelpreis:</translation>
    </message>
    <message>
        <source>&amp;Work-plan tasks:</source>
        <translation>&amp;Aufgaben im Arbeitsplan:</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Work-plan tasks</source>
        <translation>Aufgaben im Arbeitsplan</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Leistungen &amp; Preise</translation>
    </message>
    <message>
        <source>The price list. A service&apos;s tasks become the work plan when an order&apos;s work is planned automatically.</source>
        <translation>Die Preisliste. Die Aufgaben einer Leistung werden zum Arbeitsplan, wenn die Arbeit eines Auftrags automatisch geplant wird.</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Dentasync Desktop cannot start</source>
        <translation>Dentasync Desktop kann nicht starten</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Details wurden in die Protokolldatei geschrieben:
{path}</translation>
    </message>
</context>
<context>
    <name>today</name>
    <message>
        <source>{kind} {time}</source>
        <translation>{kind} {time}</translation>
    </message>
    <message>
        <source>{what} (done)</source>
        <translation>{what} (erledigt)</translation>
    </message>
    <message numerus="yes">
        <source>{status}, due %n day(s) ago</source>
        <translation>
            <numerusform>{status}, seit %n Tag überfällig</numerusform>
            <numerusform>{status}, seit %n Tagen überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>{what}, tracking {number}</source>
        <translation>{what}, Sendung {number}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>%n Tag überfällig</numerusform>
            <numerusform>%n Tage überfällig</numerusform>
        </translation>
    </message>
</context>
</TS>
