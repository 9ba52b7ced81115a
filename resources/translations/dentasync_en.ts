<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchProgress</name>
    <message numerus="yes">
        <source>Reading %n work order(s)…</source>
        <translation>
            <numerusform>Reading %n work order…</numerusform>
            <numerusform>Reading %n work orders…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n order form(s)…</source>
        <translation>
            <numerusform>Laying out %n order form…</numerusform>
            <numerusform>Laying out %n order forms…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n type</numerusform>
            <numerusform>%n types</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) due</source>
        <translation>
            <numerusform>%n order due</numerusform>
            <numerusform>%n orders due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) not back from the lab</source>
        <translation>
            <numerusform>%n case not back from the lab</numerusform>
            <numerusform>%n cases not back from the lab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message numerus="yes">
        <source>%n other lab(s)</source>
        <translation>
            <numerusform>%n other lab</numerusform>
            <numerusform>%n other labs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source>%n installment(s), {total} in all</source>
        <translation>
            <numerusform>%n installment, {total} in all</numerusform>
            <numerusform>%n installments, {total} in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderCentre</name>
    <message numerus="yes">
        <source>%n reminder(s) due: click to see them</source>
        <translation>
            <numerusform>%n reminder due: click to see them</numerusform>
            <numerusform>%n reminders due: click to see them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n reminder due</numerusform>
            <numerusform>%n reminders due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n reminder due</numerusform>
            <numerusform>%n reminders due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more reminder(s) due. Each one you dismiss or snooze makes room for the next; Dismiss all dismisses them too.</source>
        <translation>
            <numerusform>%n more reminder due. Each one you dismiss or snooze makes room for the next; Dismiss all dismisses them too.</numerusform>
            <numerusform>%n more reminders due. Each one you dismiss or snooze makes room for the next; Dismiss all dismisses them too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message numerus="yes">
        <source>payment plan replaced: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>payment plan replaced: {amount} by {method}, %n installments from {first}</numerusform>
            <numerusform>payment plan replaced: {amount} by {method}, %n installments from {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>payment plan set: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>payment plan set: {amount} by {method}, %n installments from {first}</numerusform>
            <numerusform>payment plan set: {amount} by {method}, %n installments from {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>planned %n task(s) automatically</source>
        <translation>
            <numerusform>planned %n task automatically</numerusform>
            <numerusform>planned %n tasks automatically</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed sign-in of {name}: wrong password (%n in a row)</source>
        <translation>
            <numerusform>Failed sign-in of {name}: wrong password (%n in a row)</numerusform>
            <numerusform>Failed sign-in of {name}: wrong password (%n in a row)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>Seeding %n order(s) (seed {seed}) into {path}</source>
        <translation>
            <numerusform>Seeding %n order (seed {seed}) into {path}</numerusform>
            <numerusform>Seeding %n orders (seed {seed}) into {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attached files and the logo put into the server&apos;s database: %n</source>
        <translation>
            <numerusform>Attached files and the logo put into the server&apos;s database: %n</numerusform>
            <numerusform>Attached files and the logo put into the server&apos;s database: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MISSING: %n attached file(s) are not in {folder}: their orders still list them, but they cannot be opened on the server. The log names them.</source>
        <translation>
            <numerusform>MISSING: %n attached file are not in {folder}: their orders still list them, but they cannot be opened on the server. The log names them.</numerusform>
            <numerusform>MISSING: %n attached files are not in {folder}: their orders still list them, but they cannot be opened on the server. The log names them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OK: %n row(s) moved in {seconds} s; the rows and money totals of every table are the same on the server.</source>
        <translation>
            <numerusform>OK: %n row moved in {seconds} s; the rows and money totals of every table are the same on the server.</numerusform>
            <numerusform>OK: %n rows moved in {seconds} s; the rows and money totals of every table are the same on the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n work order</numerusform>
            <numerusform>%n work orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} and %n more</numerusform>
            <numerusform>{numbers} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose stored paid amount disagrees with their payments: {numbers}</source>
        <translation>
            <numerusform>%n work order whose stored paid amount disagrees with their payments: {numbers}</numerusform>
            <numerusform>%n work orders whose stored paid amount disagrees with their payments: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose payments are in another currency: {numbers}</source>
        <translation>
            <numerusform>%n work order whose payments are in another currency: {numbers}</numerusform>
            <numerusform>%n work orders whose payments are in another currency: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of {table} refer to {parent} rows that do not exist</source>
        <translation>
            <numerusform>%n row of {table} refers to {parent} rows that do not exist</numerusform>
            <numerusform>%n rows of {table} refer to {parent} rows that do not exist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work-plan task(s) still open ({tasks}); tick them done first.</source>
        <translation>
            <numerusform>%n work-plan task is still open ({tasks}); tick them done first.</numerusform>
            <numerusform>%n work-plan tasks are still open ({tasks}); tick them done first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other connection(s) are open to the database {database}: Dentasync Desktop on other PCs, or another program. Close the app on the other PCs, then restore again. Nothing was changed.</source>
        <translation>
            <numerusform>%n other connection is open to the database {database}: Dentasync Desktop on other PCs, or another program. Close the app on the other PCs, then restore again. Nothing was changed.</numerusform>
            <numerusform>%n other connections are open to the database {database}: Dentasync Desktop on other PCs, or another program. Close the app on the other PCs, then restore again. Nothing was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{currency} allows at most %n decimal place(s).</source>
        <translation>
            <numerusform>{currency} allows at most %n decimal place.</numerusform>
            <numerusform>{currency} allows at most %n decimal places.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message numerus="yes">
        <source>Print %n order form(s)</source>
        <translation>
            <numerusform>Print %n order form</numerusform>
            <numerusform>Print %n order forms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer}.</source>
        <translation>
            <numerusform>Sent %n page to {printer}.</numerusform>
            <numerusform>Sent %n pages to {printer}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n work order</numerusform>
            <numerusform>%n work orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s)</source>
        <translation>
            <numerusform>%n lab</numerusform>
            <numerusform>%n labs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>today</name>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>overdue %n day</numerusform>
            <numerusform>overdue %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{status}, due %n day(s) ago</source>
        <translation>
            <numerusform>{status}, due %n day ago</numerusform>
            <numerusform>{status}, due %n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
