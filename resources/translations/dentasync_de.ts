<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <source>File missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>The file of “{name}” is missing from the attachments folder ({path}). Restore it from a backup or add it again.</source>
        <translation>Die Datei zu „{name}“ fehlt im Anhangsordner ({path}). Stellen Sie sie aus einer Sicherung wieder her oder fügen Sie sie erneut hinzu.</translation>
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
        <source>Time period: the start date is after the end date.</source>
        <translation>Zeitraum: Das Startdatum liegt nach dem Enddatum.</translation>
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
        <source>Items: {items} · adjusted total: {total}</source>
        <translation>Positionen: {items} · angepasster Gesamtbetrag: {total}</translation>
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
        <source>Showing {shown} of {total} work orders</source>
        <translation>{shown} von {total} Aufträgen angezeigt</translation>
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
    <name>PaymentDialog</name>
    <message>
        <source>Add payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
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
    <message>
        <source>{count} installment(s), {total} in all</source>
        <translation>{count} Rate(n), insgesamt {total}</translation>
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
        <source>Newest backup: {name}, {when}.</source>
        <translation>Neueste Sicherung: {name}, {when}.</translation>
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
</context>
<context>
    <name>calendar</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} weitere</translation>
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
</context>
<context>
    <name>printing</name>
    <message>
        <source>%n page(s)</source>
        <translation>%n Seite(n)</translation>
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
    <message>
        <source>in %n day(s)</source>
        <translation>in %n Tagen</translation>
    </message>
    <message>
        <source>Case not back: {kind} {when} (the order is {status})</source>
        <translation>Arbeit nicht zurück: {kind} {when} (Auftrag: {status})</translation>
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
</TS>
