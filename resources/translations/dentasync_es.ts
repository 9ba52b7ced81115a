<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActivityFeedModel</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Antes → después</translation>
    </message>
</context>
<context>
    <name>ActivityTab</name>
    <message>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <source>{count} entries, newest first</source>
        <translation>{count} entradas, las más recientes primero</translation>
    </message>
</context>
<context>
    <name>AdjustPriceDialog</name>
    <message>
        <source>Adjust price</source>
        <translation>Ajustar precio</translation>
    </message>
    <message>
        <source>The order total is now {total}.</source>
        <translation>El total de la orden es ahora {total}.</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>Nuevo total</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign “{task}”</source>
        <translation>Asignar «{task}»</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Añadido por</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Tip: drop files here to attach them.</source>
        <translation>Consejo: arrastre archivos aquí para adjuntarlos.</translation>
    </message>
    <message>
        <source>Select an attachment first</source>
        <translation>Seleccione primero un adjunto</translation>
    </message>
    <message>
        <source>Copy files into the order</source>
        <translation>Copiar archivos en la orden</translation>
    </message>
    <message>
        <source>Open with the system viewer</source>
        <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Quitar adjunto</translation>
    </message>
    <message>
        <source>Remove “{name}” from the order?</source>
        <translation>¿Quitar «{name}» de la orden?</translation>
    </message>
</context>
<context>
    <name>BatchProgress</name>
    <message>
        <source>Print order forms</source>
        <translation>Imprimir formularios de orden</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n work order(s)…</source>
        <translation>
            <numerusform>Leyendo %n orden de trabajo…</numerusform>
            <numerusform>Leyendo %n órdenes de trabajo…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n order form(s)…</source>
        <translation>
            <numerusform>Maquetando %n formulario de orden…</numerusform>
            <numerusform>Maquetando %n formularios de orden…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Go to today (Alt+Home)</source>
        <translation>Ir a hoy (Alt+Home)</translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation>Anterior (Alt+Left)</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>Siguiente (Alt+Right)</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>Ir a una fecha</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semana</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mes</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Nueva cita…</translation>
    </message>
    <message>
        <source>Schedule an appointment for an order (or double-click an empty slot)</source>
        <translation>Programar una cita para una orden (o haga doble clic en un hueco libre)</translation>
    </message>
    <message>
        <source>Print agenda…</source>
        <translation>Imprimir agenda…</translation>
    </message>
    <message>
        <source>The agenda of the day, week or month shown, with the filters in force, as a PDF</source>
        <translation>La agenda del día, la semana o el mes mostrados, con los filtros aplicados, en PDF</translation>
    </message>
    <message>
        <source>Search order number, patient, lab, note</source>
        <translation>Buscar número de orden, paciente, laboratorio, nota</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Show only some types of appointment</source>
        <translation>Mostrar solo algunos tipos de cita</translation>
    </message>
    <message>
        <source>All labs</source>
        <translation>Todos los laboratorios</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Todos los clientes</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Solo las mías</translation>
    </message>
    <message>
        <source>Only events I scheduled</source>
        <translation>Solo las citas que he programado yo</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>Fechas de entrega</translation>
    </message>
    <message>
        <source>Show orders&apos; due dates as all-day items</source>
        <translation>Mostrar las fechas de entrega de las órdenes como elementos de todo el día</translation>
    </message>
    <message>
        <source>Appointments by hour</source>
        <translation>Citas por hora</translation>
    </message>
    <message>
        <source>Days and due dates</source>
        <translation>Días y fechas de entrega</translation>
    </message>
    <message>
        <source>Appointments of the month</source>
        <translation>Citas del mes</translation>
    </message>
    <message>
        <source>Case not back from the lab</source>
        <translation>Caso no devuelto por el laboratorio</translation>
    </message>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n tipo</numerusform>
            <numerusform>%n tipos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n cita</numerusform>
            <numerusform>%n citas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) due</source>
        <translation>
            <numerusform>%n orden con entrega</numerusform>
            <numerusform>%n órdenes con entrega</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) not back from the lab</source>
        <translation>
            <numerusform>%n caso no devuelto por el laboratorio</numerusform>
            <numerusform>%n casos no devueltos por el laboratorio</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>Moved the {kind} of {number} to {when}.</source>
        <translation>Se ha movido la cita ({kind}) de {number} al {when}.</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Añadir cita</translation>
    </message>
    <message>
        <source>Added a {kind} to {number}.</source>
        <translation>Se ha añadido una cita ({kind}) a {number}.</translation>
    </message>
    <message>
        <source>Edit time</source>
        <translation>Cambiar la hora</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Open order {number}</source>
        <translation>Abrir la orden {number}</translation>
    </message>
    <message>
        <source>Edit time…</source>
        <translation>Cambiar la hora…</translation>
    </message>
    <message>
        <source>New event here…</source>
        <translation>Nueva cita aquí…</translation>
    </message>
    <message>
        <source>Print agenda</source>
        <translation>Imprimir agenda</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repetir la nueva contraseña:</translation>
    </message>
    <message>
        <source>Repeat new password: the two passwords differ.</source>
        <translation>Repetir la nueva contraseña: las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Check &amp;in scanned orders</source>
        <translation>Registrar &amp;llegada de órdenes escaneadas</translation>
    </message>
    <message>
        <source>While on, each scanned box label marks its Shipped order Delivered.</source>
        <translation>Mientras está activo, cada etiqueta de caja escaneada marca su orden Despachada como Entregada.</translation>
    </message>
    <message>
        <source>  Check-in mode: scan box labels · Esc ends  </source>
        <translation>  Modo de registro de llegadas: escanee las etiquetas de caja · Esc para terminar  </translation>
    </message>
    <message>
        <source>Check-in mode on: scan the box labels of the cases that came back. Esc ends it.</source>
        <translation>Modo de registro de llegadas activado: escanee las etiquetas de caja de los casos que han vuelto. Esc lo termina.</translation>
    </message>
    <message>
        <source>Check-in mode ended.</source>
        <translation>Modo de registro de llegadas terminado.</translation>
    </message>
    <message>
        <source> — check-in mode</source>
        <translation> — modo de registro de llegadas</translation>
    </message>
    <message>
        <source>{number} ({patient}) checked in: delivered.</source>
        <translation>Llegada de {number} ({patient}) registrada: entregada.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Check-in undone: {number} is shipped again.</source>
        <translation>Registro de llegada deshecho: {number} vuelve a estar despachada.</translation>
    </message>
    <message>
        <source>Not checked in: {reason}</source>
        <translation>Llegada no registrada: {reason}</translation>
    </message>
</context>
<context>
    <name>CommentsFeedModel</name>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
</context>
<context>
    <name>CommentsModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>edited {when}</source>
        <translation>editado el {when}</translation>
    </message>
</context>
<context>
    <name>CommentsTab</name>
    <message>
        <source>Edit selected…</source>
        <translation>Editar el seleccionado…</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter adds it)</source>
        <translation>Escriba un comentario… (Ctrl+Enter lo añade)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Añadir comentario</translation>
    </message>
    <message>
        <source>Add the comment (Ctrl+Enter)</source>
        <translation>Añadir el comentario (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Select one of your comments first</source>
        <translation>Seleccione primero uno de sus comentarios</translation>
    </message>
    <message>
        <source>Only its author can edit a comment</source>
        <translation>Solo su autor puede editar un comentario</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Editar comentario</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Change customer</source>
        <translation>Cambiar cliente</translation>
    </message>
    <message>
        <source>Current customer: {name}</source>
        <translation>Cliente actual: {name}</translation>
    </message>
    <message>
        <source>Type a name or clinic…</source>
        <translation>Escriba un nombre o una clínica…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nuevo cliente</translation>
    </message>
</context>
<context>
    <name>DatabaseSection</name>
    <message>
        <source>disable: never</source>
        <translation>disable: nunca</translation>
    </message>
    <message>
        <source>allow: when the server insists</source>
        <translation>allow: si el servidor lo exige</translation>
    </message>
    <message>
        <source>prefer: when the server offers it</source>
        <translation>prefer: si el servidor lo ofrece</translation>
    </message>
    <message>
        <source>require: always</source>
        <translation>require: siempre</translation>
    </message>
    <message>
        <source>verify-ca: always, checking the certificate&apos;s authority</source>
        <translation>verify-ca: siempre, comprobando la autoridad del certificado</translation>
    </message>
    <message>
        <source>verify-full: always, checking the certificate and the server name</source>
        <translation>verify-full: siempre, comprobando el certificado y el nombre del servidor</translation>
    </message>
    <message>
        <source>The Dentasync data there is up to date.</source>
        <translation>Los datos de Dentasync están al día.</translation>
    </message>
    <message>
        <source>The database is empty: Dentasync Desktop sets it up at its first start on it.</source>
        <translation>La base de datos está vacía: Dentasync Desktop la prepara en su primer inicio con ella.</translation>
    </message>
    <message>
        <source>It holds Dentasync data of an earlier version, upgraded at the next start.</source>
        <translation>Contiene datos de Dentasync de una versión anterior, que se actualizan en el próximo inicio.</translation>
    </message>
    <message>
        <source>Its Dentasync data was written by a newer version: update Dentasync Desktop on this PC first.</source>
        <translation>Sus datos de Dentasync son de una versión más reciente: actualice primero Dentasync Desktop en este PC.</translation>
    </message>
    <message>
        <source>It holds other tables but no Dentasync data: choose an empty database or the clinic&apos;s one.</source>
        <translation>Contiene otras tablas pero ningún dato de Dentasync: elija una base de datos vacía o la de la clínica.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>Este &amp;equipo</translation>
    </message>
    <message>
        <source>Clinic se&amp;rver (PostgreSQL)</source>
        <translation>Se&amp;rvidor de la clínica (PostgreSQL)</translation>
    </message>
    <message>
        <source>e.g. clinic-server or 192.168.1.10</source>
        <translation>p. ej. servidor-clinica o 192.168.1.10</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Probar co&amp;nexión</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Save database choice</source>
        <translation>Guardar la base de datos elegida</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>T&amp;LS mode:</source>
        <translation>Modo T&amp;LS:</translation>
    </message>
    <message>
        <source>Empty: keep the password already kept for this server</source>
        <translation>Vacío: conservar la contraseña ya guardada para este servidor</translation>
    </message>
    <message>
        <source>In use now: the clinic server {host}.</source>
        <translation>En uso ahora: el servidor de la clínica {host}.</translation>
    </message>
    <message>
        <source>In use now: this computer&apos;s file.</source>
        <translation>En uso ahora: el archivo de este equipo.</translation>
    </message>
    <message>
        <source>The environment variable DENTASYNC_DATABASE_URL chooses the database on this computer; what is saved here applies once it is removed.</source>
        <translation>La variable de entorno DENTASYNC_DATABASE_URL elige la base de datos en este equipo; lo que se guarda aquí se aplica cuando se elimine.</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>Conectando con {host}…</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Conectado: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>Use this computer&apos;s own database file from the next start?

{path}

The clinic server keeps its data, but this PC no longer sees it; the file holds only what was entered on this PC before.</source>
        <translation>¿Usar el archivo de base de datos propio de este equipo a partir del próximo inicio?

{path}

El servidor de la clínica conserva sus datos, pero este PC deja de verlos; el archivo contiene solo lo que se introdujo antes en este PC.</translation>
    </message>
    <message>
        <source>Use the clinic server {host} (database {database}) from the next start?

This PC then works with the server&apos;s data; the data in this computer&apos;s file stays in the file but is not shown while the server is used.</source>
        <translation>¿Usar el servidor de la clínica {host} (base de datos {database}) a partir del próximo inicio?

Este PC trabaja entonces con los datos del servidor; los datos del archivo de este equipo se quedan en el archivo, pero no se muestran mientras se use el servidor.</translation>
    </message>
    <message>
        <source>Switch the database</source>
        <translation>Cambiar de base de datos</translation>
    </message>
    <message>
        <source>Password not kept</source>
        <translation>Contraseña no guardada</translation>
    </message>
    <message>
        <source>The server was saved, but this computer has no keyring to keep its password in (Windows Credential Manager, the macOS Keychain or a Secret Service such as GNOME Keyring). Set the environment variable DENTASYNC_DATABASE_PASSWORD to the password for the user who starts Dentasync Desktop; it is never written to a file.</source>
        <translation>El servidor se ha guardado, pero este equipo no tiene un llavero donde guardar su contraseña (Administrador de credenciales de Windows, el llavero de macOS o un Secret Service como GNOME Keyring). Defina la variable de entorno DENTASYNC_DATABASE_PASSWORD con la contraseña para el usuario que inicia Dentasync Desktop; nunca se escribe en un archivo.</translation>
    </message>
    <message>
        <source>the clinic server {host}</source>
        <translation>el servidor de la clínica {host}</translation>
    </message>
    <message>
        <source>this computer&apos;s file</source>
        <translation>el archivo de este equipo</translation>
    </message>
    <message>
        <source>Saved. Dentasync Desktop uses {where} from its next start.</source>
        <translation>Guardado. Dentasync Desktop usa {where} a partir de su próximo inicio.</translation>
    </message>
    <message>
        <source>Restart needed</source>
        <translation>Reinicio necesario</translation>
    </message>
    <message>
        <source>Saved. Dentasync Desktop switches to {where} when it is next started.

Restart it now?</source>
        <translation>Guardado. Dentasync Desktop cambia a {where} en el próximo inicio.

¿Reiniciar ahora?</translation>
    </message>
    <message>
        <source>Database choice saved.</source>
        <translation>Base de datos elegida guardada.</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <source>Update due date</source>
        <translation>Cambiar la fecha de entrega</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min antes</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Sin recordatorio</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>{time} before</source>
        <translation>{time} antes</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Select an event first</source>
        <translation>Seleccione primero una cita</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Marcar como no hecha</translation>
    </message>
    <message>
        <source>Schedule a try-in, delivery, pick-up…</source>
        <translation>Programar una prueba, una entrega, una recogida…</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Añadir cita</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <source>Saved. Note: {warning}. Check with the lab before the appointment.</source>
        <translation>Guardado. Atención: {warning}. Consúltelo con el laboratorio antes de la cita.</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Eliminar cita</translation>
    </message>
    <message>
        <source>Delete the {kind} on {when}?</source>
        <translation>¿Eliminar la cita ({kind}) del {when}?</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Generate report</source>
        <translation>Generar informe</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
    <message>
        <source>Finishing {name}…</source>
        <translation>Terminando {name}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>FinanceModel</name>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Estado del pago</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Documentada</translation>
    </message>
    <message>
        <source>Show the work orders of {lab}</source>
        <translation>Mostrar las órdenes de trabajo de {lab}</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for other programs (*.csv)</source>
        <translation>CSV para otros programas (*.csv)</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Este trimestre</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Intervalo personalizado</translation>
    </message>
    <message>
        <source>All payment methods</source>
        <translation>Todas las formas de pago</translation>
    </message>
    <message>
        <source>All payment statuses</source>
        <translation>Todos los estados de pago</translation>
    </message>
    <message>
        <source>Generate report…</source>
        <translation>Generar informe…</translation>
    </message>
    <message>
        <source>Save the tab on show, with these filters, as an Excel, PDF or CSV file</source>
        <translation>Guardar la pestaña visible, con estos filtros, como archivo Excel, PDF o CSV</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Estado del pago</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded from all figures.</source>
        <translation>Las órdenes canceladas no se incluyen en ninguna cifra.</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratorios dentales</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>Lab scorecard</source>
        <translation>Evaluación de laboratorios</translation>
    </message>
    <message>
        <source>All dental labs</source>
        <translation>Todos los laboratorios</translation>
    </message>
    <message>
        <source>The payment status filter applies to the Work orders tab</source>
        <translation>El filtro de estado del pago se aplica a la pestaña Órdenes de trabajo</translation>
    </message>
    <message>
        <source>The lab scorecard does not depend on the payment method</source>
        <translation>La evaluación de laboratorios no depende de la forma de pago</translation>
    </message>
    <message>
        <source>No work orders match these filters.</source>
        <translation>Ninguna orden de trabajo coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Counting work orders…</source>
        <translation>Contando órdenes de trabajo…</translation>
    </message>
    <message>
        <source>1 work order</source>
        <translation>1 orden de trabajo</translation>
    </message>
    <message>
        <source>{count} work orders</source>
        <translation>{count} órdenes de trabajo</translation>
    </message>
    <message>
        <source>Generate report</source>
        <translation>Generar informe</translation>
    </message>
    <message>
        <source>Report saved: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</source>
        <translation>Informe guardado: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>Informe cancelado; no se ha escrito ningún archivo.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create administrator — Dentasync Desktop</source>
        <translation>Crear administrador — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Crear administrador</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Welcome to Dentasync Desktop</source>
        <translation>Bienvenido a Dentasync Desktop</translation>
    </message>
    <message>
        <source>No administrator</source>
        <translation>No hay administrador</translation>
    </message>
    <message>
        <source>This is the first start. Create the administrator account; the administrator then adds the accounts of the other users.</source>
        <translation>Es el primer inicio. Cree la cuenta de administrador; después, el administrador añade las cuentas de los demás usuarios.</translation>
    </message>
    <message>
        <source>This database has no active administrator, so nobody can manage the user accounts. Create an administrator account to continue.</source>
        <translation>Esta base de datos no tiene ningún administrador activo, así que nadie puede gestionar las cuentas de usuario. Cree una cuenta de administrador para continuar.</translation>
    </message>
    <message>
        <source>Repeat password: the two passwords differ.</source>
        <translation>Repetir contraseña: las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Dentasync Desktop — user guide</source>
        <translation>Dentasync Desktop — guía del usuario</translation>
    </message>
</context>
<context>
    <name>InfoTab</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Documentada</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dientes</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>On hold because</source>
        <translation>Motivo de la espera</translation>
    </message>
    <message>
        <source>Remake because</source>
        <translation>Motivo de la repetición</translation>
    </message>
    <message>
        <source>Cancelled because</source>
        <translation>Motivo de la cancelación</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Patient&apos;s phone</source>
        <translation>Teléfono del paciente</translation>
    </message>
    <message>
        <source>Patient&apos;s contact</source>
        <translation>Contacto del paciente</translation>
    </message>
    <message>
        <source>Patient&apos;s address</source>
        <translation>Dirección del paciente</translation>
    </message>
    <message>
        <source>Lab contact</source>
        <translation>Contacto del laboratorio</translation>
    </message>
    <message>
        <source>Lab phone</source>
        <translation>Teléfono del laboratorio</translation>
    </message>
    <message>
        <source>Lab e-mail</source>
        <translation>Correo electrónico del laboratorio</translation>
    </message>
    <message>
        <source>Lab address</source>
        <translation>Dirección del laboratorio</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Sin descripción.</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Total: {total}</translation>
    </message>
    <message>
        <source>Items: {items} · adjustment: {adjustment} · total: {total}</source>
        <translation>Trabajos: {items} · ajuste: {adjustment} · total: {total}</translation>
    </message>
</context>
<context>
    <name>InstallmentsModel</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Pagado en parte</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Por pagar</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dientes</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total línea</translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>Amounts of different currencies are never added up</source>
        <translation>Los importes en monedas distintas nunca se suman</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Moneda:</translation>
    </message>
    <message>
        <source>No work orders match these filters</source>
        <translation>Ninguna orden de trabajo coincide con estos filtros</translation>
    </message>
    <message>
        <source>Paid and outstanding per dental lab ({currency})</source>
        <translation>Pagado y pendiente por laboratorio dental ({currency})</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Pendiente</translation>
    </message>
    <message numerus="yes">
        <source>%n other lab(s)</source>
        <translation>
            <numerusform>%n laboratorio más</numerusform>
            <numerusform>%n laboratorios más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked — Dentasync Desktop</source>
        <translation>Bloqueado — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>The window was locked after a while without use. {name}, enter your password to continue, or sign out.</source>
        <translation>La ventana se ha bloqueado tras un tiempo sin uso. {name}, introduzca su contraseña para continuar o cierre la sesión.</translation>
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
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>&amp;Nueva orden…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Cambiar mi &amp;contraseña…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ce&amp;rrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;About Dentasync Desktop</source>
        <translation>&amp;Acerca de Dentasync Desktop</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role})</source>
        <translation>Sesión iniciada como {name} ({role})</translation>
    </message>
    <message>
        <source>The database file</source>
        <translation>El archivo de la base de datos</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>Created work order {number}.</source>
        <translation>Orden de trabajo {number} creada.</translation>
    </message>
    <message>
        <source>{action} is not available in this version.</source>
        <translation>{action} no está disponible en esta versión.</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Actualizado.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>About Dentasync Desktop</source>
        <translation>Acerca de Dentasync Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dentasync Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline work orders for dental clinics and dental labs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Data folder:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Backups:&lt;/b&gt; {backups}&lt;br&gt;&lt;b&gt;Log file:&lt;/b&gt; {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dentasync Desktop {version}&lt;/h3&gt;&lt;p&gt;Órdenes de trabajo sin conexión para clínicas y laboratorios dentales.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Base de datos:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Carpeta de datos:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Copias de seguridad:&lt;/b&gt; {backups}&lt;br&gt;&lt;b&gt;Archivo de registro:&lt;/b&gt; {log}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OrderContext</name>
    <message>
        <source>Your role ({role}) does not allow this action: {action}.</source>
        <translation>Su rol ({role}) no permite esta acción: {action}.</translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Change lab, patient, dates, items</source>
        <translation>Cambiar laboratorio, paciente, fechas, trabajos</translation>
    </message>
    <message>
        <source>Change customer…</source>
        <translation>Cambiar cliente…</translation>
    </message>
    <message>
        <source>Plan work</source>
        <translation>Planificar trabajo</translation>
    </message>
    <message>
        <source>Open the work plan; plan it from the service templates if it is empty</source>
        <translation>Abrir el plan de trabajo; si está vacío, planificarlo a partir de las plantillas de los servicios</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Copiar…</translation>
    </message>
    <message>
        <source>A new draft with the same items, work plan and attachments</source>
        <translation>Un nuevo borrador con los mismos trabajos, plan de trabajo y adjuntos</translation>
    </message>
    <message>
        <source>Payroll…</source>
        <translation>Nómina…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Order form and box label</source>
        <translation>Formulario de orden y etiqueta de caja</translation>
    </message>
    <message>
        <source>Update due date…</source>
        <translation>Cambiar la fecha de entrega…</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>Añadir cita…</translation>
    </message>
    <message>
        <source>Schedule a try-in, delivery, pick-up…</source>
        <translation>Programar una prueba, una entrega, una recogida…</translation>
    </message>
    <message>
        <source>Put on hold…</source>
        <translation>Poner en espera…</translation>
    </message>
    <message>
        <source>Mark as remake…</source>
        <translation>Marcar como repetición…</translation>
    </message>
    <message>
        <source>Move back…</source>
        <translation>Retroceder…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Cancelar la orden…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Delete order…</source>
        <translation>Eliminar la orden…</translation>
    </message>
    <message>
        <source>Only a draft created by mistake, with no payments, events or attachments</source>
        <translation>Solo un borrador creado por error, sin pagos, citas ni adjuntos</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Añadir pago…</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>Plan de pagos…</translation>
    </message>
    <message>
        <source>Payment instructions…</source>
        <translation>Instrucciones de pago…</translation>
    </message>
    <message>
        <source>The lab&apos;s bank details</source>
        <translation>Los datos bancarios del laboratorio</translation>
    </message>
    <message>
        <source>Adjust price…</source>
        <translation>Ajustar precio…</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Take off hold</source>
        <translation>Quitar de espera</translation>
    </message>
    <message>
        <source>{step} (Ctrl+Enter): {before} → {after}</source>
        <translation>{step} (Ctrl+Enter): {before} → {after}</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Start production</source>
        <translation>Iniciar producción</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Producir</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>Despachar…</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Entregar</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completar</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Work plan ({done}/{count})</source>
        <translation>Plan de trabajo ({done}/{count})</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de trabajo</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Nómina</translation>
    </message>
    <message>
        <source>Publish order</source>
        <translation>Publicar la orden</translation>
    </message>
    <message>
        <source>Publish {number} and send it to {lab}?</source>
        <translation>¿Publicar {number} y enviarla a {lab}?</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Despachar</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Ship {number}: the parcel&apos;s tracking number.</source>
        <translation>Despachar {number}: el número de seguimiento del paquete.</translation>
    </message>
    <message>
        <source>Copy order</source>
        <translation>Copiar la orden</translation>
    </message>
    <message>
        <source>Make a new draft order from {number}, with its items, work plan and attachments?</source>
        <translation>¿Crear una nueva orden en borrador a partir de {number}, con sus trabajos, plan de trabajo y adjuntos?</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Poner en espera</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>While on hold the order cannot move forward.</source>
        <translation>Mientras está en espera, la orden no puede avanzar.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Retroceder</translation>
    </message>
    <message>
        <source>Move {number} back from {before} to {after}.</source>
        <translation>Retroceder {number} de {before} a {after}.</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Cancelar la orden</translation>
    </message>
    <message>
        <source>A cancelled order stays for reference and becomes read-only; it can be reopened as a draft.</source>
        <translation>Una orden cancelada se conserva como referencia y pasa a ser de solo lectura; puede reabrirse como borrador.</translation>
    </message>
    <message>
        <source>Really cancel {number}?</source>
        <translation>¿Seguro que desea cancelar {number}?</translation>
    </message>
    <message>
        <source>Keep order</source>
        <translation>Conservar la orden</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Eliminar la orden</translation>
    </message>
    <message>
        <source>Delete {number} for good? Its number is not used again and the activity log keeps a note of it.</source>
        <translation>¿Eliminar {number} definitivamente? Su número no se volverá a usar y el registro de actividad guarda constancia de ello.</translation>
    </message>
    <message>
        <source>Reopen order</source>
        <translation>Reabrir la orden</translation>
    </message>
    <message>
        <source>Reopen {number} as {status}?</source>
        <translation>¿Reabrir {number} como {status}?</translation>
    </message>
</context>
<context>
    <name>OrderEditorDialog</name>
    <message>
        <source>Edit work order {number}</source>
        <translation>Editar la orden de trabajo {number}</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>Nueva orden de trabajo</translation>
    </message>
    <message>
        <source>Type to search patients</source>
        <translation>Escriba para buscar pacientes</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dientes</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unit.</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total línea</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de trabajo</translation>
    </message>
    <message>
        <source>None of the services in the items has task templates that are not planned yet.</source>
        <translation>Ninguno de los servicios de los trabajos tiene plantillas de tareas que aún no estén planificadas.</translation>
    </message>
    <message>
        <source>Due date: documented date plus {lab}&apos;s turnaround of {days} days.</source>
        <translation>Fecha de entrega: fecha de documentación más el tiempo de ejecución de {lab}, {days} días.</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(personalizado)</translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Quitar este trabajo</translation>
    </message>
    <message>
        <source>The price list has this price in {currency}.</source>
        <translation>La lista de precios tiene este precio en {currency}.</translation>
    </message>
    <message>
        <source>check the prices</source>
        <translation>revise los precios</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Total: {total}</translation>
    </message>
    <message>
        <source>Discard this new order?</source>
        <translation>¿Descartar esta nueva orden?</translation>
    </message>
    <message>
        <source>A new order you were typing on {when} was not saved (the application closed before). Restore it?</source>
        <translation>Una orden nueva que estaba escribiendo el {when} no se guardó (la aplicación se cerró antes). ¿Restaurarla?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
</context>
<context>
    <name>OrderEditorForm</name>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Dental &amp;lab:</source>
        <translation>&amp;Laboratorio dental:</translation>
    </message>
    <message>
        <source>&amp;Documented:</source>
        <translation>&amp;Documentada:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>Fecha de &amp;entrega:</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuevo paciente…</translation>
    </message>
    <message>
        <source>&amp;Shade:</source>
        <translation>C&amp;olor:</translation>
    </message>
    <message>
        <source>e.g. A2</source>
        <translation>p. ej., A2</translation>
    </message>
    <message>
        <source>Desc&amp;ription:</source>
        <translation>Descripció&amp;n:</translation>
    </message>
    <message>
        <source>What the lab should make</source>
        <translation>Lo que debe hacer el laboratorio</translation>
    </message>
    <message>
        <source>Teeth (FDI)</source>
        <translation>Dientes (FDI)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>&amp;Añadir trabajo</translation>
    </message>
    <message>
        <source>Currenc&amp;y:</source>
        <translation>&amp;Moneda:</translation>
    </message>
</context>
<context>
    <name>OrderHeader</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Documentada</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>On hold: {reason}</source>
        <translation>En espera: {reason}</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Remake of {link}</source>
        <translation>Repetición de {link}</translation>
    </message>
    <message>
        <source>Remake</source>
        <translation>Repetición</translation>
    </message>
    <message>
        <source>Copied from {link}</source>
        <translation>Copiada de {link}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Past the due date</source>
        <translation>Fecha de entrega superada</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Documentada</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasada</translation>
    </message>
</context>
<context>
    <name>OrderListPage</name>
    <message>
        <source>Search patient, customer, lab or description; type or scan a number and press Enter</source>
        <translation>Buscar paciente, cliente, laboratorio o descripción; escriba o escanee un número y pulse Intro</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nueva orden</translation>
    </message>
    <message>
        <source>Create a new work order (Ctrl+N)</source>
        <translation>Crear una nueva orden de trabajo (Ctrl+N)</translation>
    </message>
    <message>
        <source>Print selected…</source>
        <translation>Imprimir selección…</translation>
    </message>
    <message>
        <source>Print the order forms of the selected orders (Ctrl+click or Shift+click to select several)</source>
        <translation>Imprimir los formularios de las órdenes seleccionadas (Ctrl+clic o Mayús+clic para seleccionar varias)</translation>
    </message>
    <message>
        <source>Work orders: {count}</source>
        <translation>Órdenes de trabajo: {count}</translation>
    </message>
    <message>
        <source>Counting work orders…</source>
        <translation>Contando órdenes de trabajo…</translation>
    </message>
    <message>
        <source>All labs</source>
        <translation>Todos los laboratorios</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Todos los clientes</translation>
    </message>
    <message>
        <source>Any payment</source>
        <translation>Cualquier pago</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>Entrega desde</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasadas</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Todas las órdenes</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>No existe la orden de trabajo {number}.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>OrderPickerDialog</name>
    <message>
        <source>New event: which order?</source>
        <translation>Nueva cita: ¿para qué orden?</translation>
    </message>
    <message>
        <source>Order number, patient, customer or lab</source>
        <translation>Número de orden, paciente, cliente o laboratorio</translation>
    </message>
    <message>
        <source>No order matches (cancelled orders take no events).</source>
        <translation>Ninguna orden coincide (las órdenes canceladas no admiten citas).</translation>
    </message>
    <message>
        <source>Type or scan the order number, or part of the patient&apos;s name:</source>
        <translation>Escriba o escanee el número de orden, o parte del nombre del paciente:</translation>
    </message>
</context>
<context>
    <name>OrderSidePanel</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Add payment</source>
        <translation>Añadir pago</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Fecha de pago</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>PaymentInstructionsDialog</name>
    <message>
        <source>Payment instructions</source>
        <translation>Instrucciones de pago</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Titular de la cuenta</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banco</translation>
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
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Importe a pagar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>The lab has no bank details yet; add them under Dental labs.</source>
        <translation>El laboratorio aún no tiene datos bancarios; añádalos en Laboratorios dentales.</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copiar al portapapeles</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Voided {when}: {reason}</source>
        <translation>Anulado el {when}: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>Plan de pagos…</translation>
    </message>
    <message>
        <source>Remove plan</source>
        <translation>Quitar el plan</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Plan de pagos</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Añadir pago…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Anular…</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>No payment plan.</source>
        <translation>Sin plan de pagos.</translation>
    </message>
    <message>
        <source>{amount} by {method}, due {due}.</source>
        <translation>{amount} ({method}), vence el {due}.</translation>
    </message>
    <message>
        <source>{amount} by {method} in {count} installments, {every}, from {first}.</source>
        <translation>{amount} ({method}) en {count} plazos, {every}, a partir del {first}.</translation>
    </message>
    <message>
        <source>Change the plan</source>
        <translation>Cambiar el plan</translation>
    </message>
    <message>
        <source>Set up a plan</source>
        <translation>Crear un plan</translation>
    </message>
    <message>
        <source>The order has no payment plan</source>
        <translation>La orden no tiene plan de pagos</translation>
    </message>
    <message>
        <source>Select a payment first</source>
        <translation>Seleccione primero un pago</translation>
    </message>
    <message>
        <source>This payment is already voided</source>
        <translation>Este pago ya está anulado</translation>
    </message>
    <message>
        <source>Remove payment plan</source>
        <translation>Quitar el plan de pagos</translation>
    </message>
    <message>
        <source>Remove the payment plan and its installments? Recorded payments stay.</source>
        <translation>¿Quitar el plan de pagos y sus plazos? Los pagos registrados se conservan.</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Anular pago</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Void the payment of {amount} from {date}? It stays on record, struck through, and stops counting.</source>
        <translation>¿Anular el pago de {amount} del {date}? Se conserva en el registro, tachado, y deja de contar.</translation>
    </message>
</context>
<context>
    <name>PayrollDialog</name>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
</context>
<context>
    <name>PayrollModel</name>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Finalized {when}</source>
        <translation>Finalizado el {when}</translation>
    </message>
</context>
<context>
    <name>PayrollTab</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Finalize…</source>
        <translation>Finalizar…</translation>
    </message>
    <message>
        <source>Total: {amounts}</source>
        <translation>Total: {amounts}</translation>
    </message>
    <message>
        <source>Select a payroll record first</source>
        <translation>Seleccione primero un registro de nómina</translation>
    </message>
    <message>
        <source>The record is finalized and can no longer change</source>
        <translation>El registro está finalizado y ya no puede cambiar</translation>
    </message>
    <message>
        <source>Record what a technician earns on this order</source>
        <translation>Registrar lo que gana un técnico con esta orden</translation>
    </message>
    <message>
        <source>Add payroll record</source>
        <translation>Añadir registro de nómina</translation>
    </message>
    <message>
        <source>Edit payroll record</source>
        <translation>Editar registro de nómina</translation>
    </message>
    <message>
        <source>Finalize payroll record</source>
        <translation>Finalizar registro de nómina</translation>
    </message>
    <message>
        <source>Finalize {amount} for {name}? A finalized record can no longer be changed.</source>
        <translation>¿Finalizar {amount} para {name}? Un registro finalizado ya no se puede cambiar.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>every day</source>
        <translation>cada día</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>cada semana</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>cada mes</translation>
    </message>
    <message>
        <source>every {count} {unit}</source>
        <translation>cada {count} {unit}</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Plan de pagos</translation>
    </message>
    <message>
        <source>Pay in installments</source>
        <translation>Pagar a plazos</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Primer vencimiento</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Calendario de pagos</translation>
    </message>
    <message numerus="yes">
        <source>%n installment(s), {total} in all</source>
        <translation>
            <numerusform>%n plazo, {total} en total</numerusform>
            <numerusform>%n plazos, {total} en total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <source>Payment plan</source>
        <translation>Plan de pagos</translation>
    </message>
    <message>
        <source>Tick to set the payment plan now; it can also be set later from the order&apos;s Payment menu</source>
        <translation>Marque para fijar el plan de pagos ahora; también se puede fijar más tarde desde el menú Pago de la orden</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Primer vencimiento</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <source>{total} (the order total)</source>
        <translation>{total} (el total de la orden)</translation>
    </message>
    <message>
        <source>{count} installments, the last one taking the rounding</source>
        <translation>{count} plazos; el último absorbe el redondeo</translation>
    </message>
</context>
<context>
    <name>QuickPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Show deactivated</source>
        <translation>Mostrar desactivados</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Showing the first {count}; type in the search box to find others.</source>
        <translation>Se muestran los primeros {count}; escriba en el cuadro de búsqueda para encontrar otros.</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>{count} mostrados</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Delete {noun}</source>
        <translation>Eliminar {noun}</translation>
    </message>
    <message>
        <source>Delete the {noun} “{name}”? This cannot be undone.

If it is still used somewhere it is deactivated instead, and stays on record.</source>
        <translation>¿Eliminar {noun} «{name}»? Esta acción no se puede deshacer.

Si todavía se usa en algún sitio, se desactiva en su lugar y se conserva en el registro.</translation>
    </message>
    <message>
        <source>Deactivated instead</source>
        <translation>Desactivado en su lugar</translation>
    </message>
    <message>
        <source>“{name}” is still referenced, so it was deactivated instead of deleted. It no longer appears in choices for new work.</source>
        <translation>«{name}» todavía está en uso, así que se ha desactivado en lugar de eliminarse. Ya no aparece entre las opciones para trabajos nuevos.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Deactivated</source>
        <translation>Desactivado</translation>
    </message>
</context>
<context>
    <name>RemakeDialog</name>
    <message>
        <source>Mark as remake</source>
        <translation>Marcar como repetición</translation>
    </message>
    <message>
        <source>Remake of order</source>
        <translation>Repetición de la orden</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
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
            <numerusform>%n recordatorio pendiente: haga clic para verlo</numerusform>
            <numerusform>%n recordatorios pendientes: haga clic para verlos</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>No hay recordatorios pendientes</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n recordatorio pendiente</numerusform>
            <numerusform>%n recordatorios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders missed while the app was closed</source>
        <translation>Recordatorios perdidos mientras la aplicación estaba cerrada</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Descartar todos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n recordatorio pendiente</numerusform>
            <numerusform>%n recordatorios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>No hay recordatorios pendientes</translation>
    </message>
    <message>
        <source>Missed while closed</source>
        <translation>Perdidos con la aplicación cerrada</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Pendientes ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n more reminder(s) due. Each one you dismiss or snooze makes room for the next; Dismiss all dismisses them too.</source>
        <translation>
            <numerusform>%n recordatorio pendiente más. Cada uno que descarte o posponga deja sitio al siguiente; «Descartar todos» también los descarta.</numerusform>
            <numerusform>%n recordatorios pendientes más. Cada uno que descarte o posponga deja sitio al siguiente; «Descartar todos» también los descarta.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to remind you of right now. Reminders of appointments, due orders and installments appear here when they come due.</source>
        <translation>No hay nada que recordar en este momento. Los recordatorios de citas, órdenes con entrega y plazos aparecen aquí cuando llega su momento.</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>snoozed, due again {when}</source>
        <translation>pospuesto, vuelve {when}</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>para {when}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open order {number}</source>
        <translation>Abrir la orden {number}</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregadas</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Días (mediana)</translation>
    </message>
    <message>
        <source>90% days</source>
        <translation>Días (90 %)</translation>
    </message>
    <message>
        <source>Remakes</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>Remake rate</source>
        <translation>Tasa de repet.</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Retraso medio</translation>
    </message>
    <message>
        <source>Delivered on or before the due date, of the deliveries that had a due date</source>
        <translation>Entregadas en la fecha de entrega o antes, de las entregas que tenían fecha de entrega</translation>
    </message>
    <message>
        <source>Sent to the lab to delivered</source>
        <translation>Desde el envío al laboratorio hasta la entrega</translation>
    </message>
    <message>
        <source>Nine in ten cases came back within this many days</source>
        <translation>Nueve de cada diez casos volvieron en este número de días</translation>
    </message>
    <message>
        <source>Averaged over the late deliveries</source>
        <translation>Media de las entregas con retraso</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>(no service)</source>
        <translation>(sin servicio)</translation>
    </message>
</context>
<context>
    <name>ScorecardTab</name>
    <message>
        <source>Double-click a lab to see its work orders</source>
        <translation>Haga doble clic en un laboratorio para ver sus órdenes de trabajo</translation>
    </message>
    <message>
        <source>Orders documented in the period. Turnaround: sent to the lab to delivered; on time: delivered on or before the due date.</source>
        <translation>Órdenes documentadas en el periodo. Tiempo de ejecución: desde el envío al laboratorio hasta la entrega; a tiempo: entregada en la fecha de entrega o antes.</translation>
    </message>
    <message>
        <source>Turnaround by service: {lab}</source>
        <translation>Tiempo de ejecución por servicio: {lab}</translation>
    </message>
    <message>
        <source>Turnaround by service, every lab (select a lab to narrow it)</source>
        <translation>Tiempo de ejecución por servicio, todos los laboratorios (seleccione un laboratorio para acotarlo)</translation>
    </message>
    <message>
        <source>No deliveries to rate in this period</source>
        <translation>No hay entregas que evaluar en este periodo</translation>
    </message>
    <message>
        <source>On-time deliveries per dental lab</source>
        <translation>Entregas a tiempo por laboratorio dental</translation>
    </message>
    <message>
        <source>On time (%)</source>
        <translation>A tiempo (%)</translation>
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
        <translation>Total: {amounts}</translation>
    </message>
    <message>
        <source>showing the first {shown} of {count}</source>
        <translation>se muestran los primeros {shown} de {count}</translation>
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
        <translation>Carta EE. UU. (8,5 × 11 in)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>After this many minutes without keyboard or mouse input, the window is locked until the signed-in user enters their password again. 0: never.</source>
        <translation>Tras estos minutos sin usar el teclado ni el ratón, la ventana se bloquea hasta que el usuario con la sesión iniciada vuelva a introducir su contraseña. 0: nunca.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Valores predeterminados</translation>
    </message>
    <message>
        <source>Default &amp;currency:</source>
        <translation>&amp;Moneda predeterminada:</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>Tamaño del &amp;papel:</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>Carpeta de &amp;copias de seguridad:</translation>
    </message>
    <message>
        <source>&amp;Lock when idle after:</source>
        <translation>&amp;Bloquear tras inactividad de:</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Copia de seguridad y restauración</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer una copia ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>These details appear on printed order forms and reports.</source>
        <translation>Estos datos aparecen en los formularios de orden y los informes impresos.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>Tem&amp;a:</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Igual que el sistema ({language})</translation>
    </message>
    <message>
        <source>Restart Dentasync Desktop to see it in the new language.</source>
        <translation>Reinicie Dentasync Desktop para verlo en el nuevo idioma.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Remind of orders due &amp;tomorrow that are not back from the lab</source>
        <translation>&amp;Recordar las órdenes con entrega mañana que no han vuelto del laboratorio</translation>
    </message>
    <message>
        <source>Remind of &amp;installments due today</source>
        <translation>Recordar los pla&amp;zos que vencen hoy</translation>
    </message>
    <message>
        <source>Only on the day</source>
        <translation>Solo el mismo día</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> días antes</translation>
    </message>
    <message>
        <source>Warn this many days before a try-in or delivery whose case is not back from the lab yet.</source>
        <translation>Avisar con estos días de antelación de una prueba o entrega cuyo caso aún no ha vuelto del laboratorio.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>Calendar and reminders</source>
        <translation>Calendario y recordatorios</translation>
    </message>
    <message>
        <source>Case-not-back &amp;warning:</source>
        <translation>A&amp;viso de caso no devuelto:</translation>
    </message>
    <message>
        <source>&amp;Start on:</source>
        <translation>Pá&amp;gina inicial:</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Elegir el logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Elegir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Todavía no se ha hecho ninguna copia de seguridad.</translation>
    </message>
    <message>
        <source>Newest backup: {name}, {when}, on the PC {host}.</source>
        <translation>Copia de seguridad más reciente: {name}, {when}, en el PC {host}.</translation>
    </message>
    <message>
        <source>Newest backup: {name}, {when}.</source>
        <translation>Copia de seguridad más reciente: {name}, {when}.</translation>
    </message>
    <message>
        <source>The database server is backed up automatically once a day, by the first PC that starts Dentasync Desktop, and before every upgrade, into that PC&apos;s backups folder ({folder} on this PC). Backing up and restoring need PostgreSQL&apos;s pg_dump and pg_restore on the PC.</source>
        <translation>El servidor de base de datos se copia automáticamente una vez al día, desde el primer PC que inicia Dentasync Desktop, y antes de cada actualización, en la carpeta de copias de seguridad de ese PC ({folder} en este PC). Para copiar y restaurar hacen falta pg_dump y pg_restore de PostgreSQL en el PC.</translation>
    </message>
    <message>
        <source>The database is backed up automatically once a day and before every upgrade, into {folder}.</source>
        <translation>La base de datos se copia automáticamente una vez al día y antes de cada actualización en {folder}.</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Copia de seguridad en curso</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Haciendo una copia de seguridad de la base de datos…</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
        <source>The database was backed up to:
{path}</source>
        <translation>Se ha hecho una copia de seguridad de la base de datos en:
{path}</translation>
    </message>
    <message>
        <source>Database server backups (*.dump);;All files (*)</source>
        <translation>Copias de seguridad del servidor de base de datos (*.dump);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Dentasync backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Copias de seguridad de Dentasync (*.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Replace all current data with the backup
{path}?

Everything entered since that backup was made is replaced. The current database is kept as a safety copy in the backups folder. Dentasync Desktop closes afterwards and must be started again.</source>
        <translation>¿Sustituir todos los datos actuales por la copia de seguridad
{path}?

Todo lo introducido desde que se hizo esa copia se sustituye. La base de datos actual se guarda como copia de respaldo en la carpeta de copias de seguridad. Después, Dentasync Desktop se cierra y hay que volver a iniciarlo.</translation>
    </message>
    <message>
        <source>Every PC uses this database: close Dentasync Desktop on the other PCs first.</source>
        <translation>Todos los PC usan esta base de datos: cierre antes Dentasync Desktop en los demás PC.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauración en curso</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>

The previous data was kept as:
{path}</source>
        <translation>

Los datos anteriores se han guardado como:
{path}</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>The backup was restored. Dentasync Desktop will now close; start it again to work with the restored data.</source>
        <translation>Se ha restaurado la copia de seguridad. Dentasync Desktop se cerrará ahora; vuelva a iniciarlo para trabajar con los datos restaurados.</translation>
    </message>
</context>
<context>
    <name>SidePanelSplitter</name>
    <message>
        <source>Activity &amp;&amp; comments</source>
        <translation>Actividad y comentarios</translation>
    </message>
    <message>
        <source>Show or hide the activity log and comments beside the tabs (F6)</source>
        <translation>Mostrar u ocultar el registro de actividad y los comentarios junto a las pestañas (F6)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Dentasync Desktop</source>
        <translation>Iniciar sesión — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Dentasync Desktop</source>
        <translation>Dentasync Desktop</translation>
    </message>
    <message>
        <source>Sign in to continue.</source>
        <translation>Inicie sesión para continuar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo database.&lt;/b&gt; Sign in as one of these users:&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;1&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;User&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Password&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Role&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</source>
        <translation>&lt;b&gt;Base de datos de demostración.&lt;/b&gt; Inicie sesión con uno de estos usuarios:&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;1&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Usuario&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Contraseña&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Rol&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Hecha el</translation>
    </message>
</context>
<context>
    <name>TeethChart</name>
    <message>
        <source>Deciduous teeth</source>
        <translation>Dientes temporales</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Tooth {number}</source>
        <translation>Diente {number}</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>TodayLinesModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Try-ins and deliveries today</source>
        <translation>Pruebas y entregas de hoy</translation>
    </message>
    <message>
        <source>No try-ins or deliveries today.</source>
        <translation>Hoy no hay pruebas ni entregas.</translation>
    </message>
    <message>
        <source>Try-ins and deliveries tomorrow</source>
        <translation>Pruebas y entregas de mañana</translation>
    </message>
    <message>
        <source>No try-ins or deliveries tomorrow.</source>
        <translation>Mañana no hay pruebas ni entregas.</translation>
    </message>
    <message>
        <source>Orders due today</source>
        <translation>Órdenes con entrega hoy</translation>
    </message>
    <message>
        <source>No order is due today.</source>
        <translation>Ninguna orden tiene entrega hoy.</translation>
    </message>
    <message>
        <source>Overdue orders</source>
        <translation>Órdenes atrasadas</translation>
    </message>
    <message>
        <source>No order is overdue.</source>
        <translation>Ninguna orden está atrasada.</translation>
    </message>
    <message>
        <source>Coming back from the lab</source>
        <translation>De vuelta del laboratorio</translation>
    </message>
    <message>
        <source>No case is on its way back.</source>
        <translation>Ningún caso está de vuelta.</translation>
    </message>
    <message>
        <source>Installments due or overdue</source>
        <translation>Plazos pendientes o vencidos</translation>
    </message>
    <message>
        <source>No installment is due.</source>
        <translation>No hay plazos pendientes.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>No reminders due.</source>
        <translation>No hay recordatorios pendientes.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>{date}: what must happen today</source>
        <translation>{date}: lo que debe hacerse hoy</translation>
    </message>
</context>
<context>
    <name>WorkPlanFields</name>
    <message>
        <source>Work plan</source>
        <translation>Plan de trabajo</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation>Añadir &amp;tarea</translation>
    </message>
    <message>
        <source>From the services&apos; templates</source>
        <translation>De las plantillas de los servicios</translation>
    </message>
    <message>
        <source>The task templates of the services chosen in the items, as &quot;Plan work&quot; builds them</source>
        <translation>Las plantillas de tareas de los servicios elegidos en los trabajos, tal como las genera «Planificar trabajo»</translation>
    </message>
    <message>
        <source>Tick to plan the work now; it can also be planned later on the order&apos;s Work plan tab</source>
        <translation>Marque para planificar el trabajo ahora; también se puede planificar más tarde en la pestaña Plan de trabajo de la orden</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>e.g. Model, Framework, Layering</source>
        <translation>p. ej., Modelo, Estructura, Estratificación</translation>
    </message>
    <message>
        <source>by</source>
        <translation>para el</translation>
    </message>
    <message>
        <source>Remove this task</source>
        <translation>Quitar esta tarea</translation>
    </message>
</context>
<context>
    <name>WorkPlanTab</name>
    <message>
        <source>Plan automatically</source>
        <translation>Planificar automáticamente</translation>
    </message>
    <message>
        <source>Add the task templates of the order&apos;s services</source>
        <translation>Añadir las plantillas de tareas de los servicios de la orden</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Asignar…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>{done} of {count} tasks done</source>
        <translation>{done} de {count} tareas hechas</translation>
    </message>
    <message>
        <source>No tasks yet</source>
        <translation>Todavía no hay tareas</translation>
    </message>
    <message>
        <source>Select a task first</source>
        <translation>Seleccione primero una tarea</translation>
    </message>
    <message>
        <source>Add a task by hand</source>
        <translation>Añadir una tarea a mano</translation>
    </message>
    <message>
        <source>Already the first task</source>
        <translation>Ya es la primera tarea</translation>
    </message>
    <message>
        <source>Already the last task</source>
        <translation>Ya es la última tarea</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Añadir tarea</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Editar tarea</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Quitar tarea</translation>
    </message>
    <message>
        <source>Remove the task “{name}” from the work plan?</source>
        <translation>¿Quitar la tarea «{name}» del plan de trabajo?</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Your role ({role}) does not allow this: {action}.</source>
        <translation>Su rol ({role}) no permite esta acción: {action}.</translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message>
        <source>dental lab</source>
        <translation>laboratorio dental</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <source>service</source>
        <translation>servicio</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>miembro del personal</translation>
    </message>
    <message>
        <source>Sent to the lab</source>
        <translation>Enviada al laboratorio</translation>
    </message>
    <message>
        <source>Production started</source>
        <translation>Producción iniciada</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Producida</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierta</translation>
    </message>
    <message>
        <source>Moved back</source>
        <translation>Retrocedida</translation>
    </message>
    <message numerus="yes">
        <source>payment plan replaced: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>plan de pagos sustituido: {amount} ({method}), %n plazo a partir del {first}</numerusform>
            <numerusform>plan de pagos sustituido: {amount} ({method}), %n plazos a partir del {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>payment plan set: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>plan de pagos creado: {amount} ({method}), %n plazo a partir del {first}</numerusform>
            <numerusform>plan de pagos creado: {amount} ({method}), %n plazos a partir del {first}</numerusform>
        </translation>
    </message>
    <message>
        <source>payment plan replaced: {amount} by {method}, due {first}</source>
        <translation>plan de pagos sustituido: {amount} ({method}), vence el {first}</translation>
    </message>
    <message>
        <source>payment plan set: {amount} by {method}, due {first}</source>
        <translation>plan de pagos creado: {amount} ({method}), vence el {first}</translation>
    </message>
    <message>
        <source>{step}: {before} → {after}</source>
        <translation>{step}: {before} → {after}</translation>
    </message>
    <message numerus="yes">
        <source>planned %n task(s) automatically</source>
        <translation>
            <numerusform>%n tarea planificada automáticamente</numerusform>
            <numerusform>%n tareas planificadas automáticamente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed sign-in of {name}: wrong password (%n in a row)</source>
        <translation>
            <numerusform>Inicio de sesión fallido de {name}: contraseña incorrecta (%n vez seguida)</numerusform>
            <numerusform>Inicio de sesión fallido de {name}: contraseña incorrecta (%n veces seguidas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Created {order}</source>
        <translation>Orden {order} creada</translation>
    </message>
    <message>
        <source>Edited {order}</source>
        <translation>Orden {order} editada</translation>
    </message>
    <message>
        <source>Seeded {order}</source>
        <translation>Orden {order} generada con datos de ejemplo</translation>
    </message>
    <message>
        <source>Customer changed from {old} to {new}</source>
        <translation>Cliente cambiado de {old} a {new}</translation>
    </message>
    <message>
        <source>Due date changed to {date}</source>
        <translation>Fecha de entrega cambiada al {date}</translation>
    </message>
    <message>
        <source>Price adjusted from {old} to {new}</source>
        <translation>Precio ajustado de {old} a {new}</translation>
    </message>
    <message>
        <source>Put on hold: {reason}</source>
        <translation>Puesta en espera: {reason}</translation>
    </message>
    <message>
        <source>Taken off hold</source>
        <translation>Quitada de espera</translation>
    </message>
    <message>
        <source>Marked as remake of {order}: {reason}</source>
        <translation>Marcada como repetición de {order}: {reason}</translation>
    </message>
    <message>
        <source>Copied from {order}</source>
        <translation>Copiada de {order}</translation>
    </message>
    <message>
        <source>Copied to {order}</source>
        <translation>Copiada a {order}</translation>
    </message>
    <message>
        <source>Deleted {order} ({patient}, {lab}, {total})</source>
        <translation>Orden {order} eliminada ({patient}, {lab}, {total})</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; added</source>
        <translation>tarea «{task}» añadida</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; edited</source>
        <translation>tarea «{task}» editada</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; moved to place {place}</source>
        <translation>tarea «{task}» movida a la posición {place}</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; assigned to {name}</source>
        <translation>tarea «{task}» asignada a {name}</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; unassigned</source>
        <translation>tarea «{task}» sin asignar</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; done</source>
        <translation>tarea «{task}» hecha</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; reopened</source>
        <translation>tarea «{task}» reabierta</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; removed</source>
        <translation>tarea «{task}» quitada</translation>
    </message>
    <message>
        <source>payroll {amount} for {name}</source>
        <translation>nómina de {amount} para {name}</translation>
    </message>
    <message>
        <source>payroll for {name} edited</source>
        <translation>nómina de {name} editada</translation>
    </message>
    <message>
        <source>payroll {amount} for {name} finalized</source>
        <translation>nómina de {amount} para {name} finalizada</translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; attached</source>
        <translation>archivo «{name}» adjuntado</translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; removed</source>
        <translation>archivo «{name}» quitado</translation>
    </message>
    <message>
        <source>payment plan removed</source>
        <translation>plan de pagos quitado</translation>
    </message>
    <message>
        <source>payment of {amount} ({method}) on {date} recorded</source>
        <translation>pago de {amount} ({method}) del {date} registrado</translation>
    </message>
    <message>
        <source>payment of {amount} on {date} voided: {reason}</source>
        <translation>pago de {amount} del {date} anulado: {reason}</translation>
    </message>
    <message>
        <source>{kind} on {when} added</source>
        <translation>Cita ({kind}) del {when} añadida</translation>
    </message>
    <message>
        <source>{kind} on {when} edited</source>
        <translation>Cita ({kind}) del {when} editada</translation>
    </message>
    <message>
        <source>{kind} on {when} done</source>
        <translation>Cita ({kind}) del {when} hecha</translation>
    </message>
    <message>
        <source>{kind} on {when} reopened</source>
        <translation>Cita ({kind}) del {when} reabierta</translation>
    </message>
    <message>
        <source>{kind} on {when} deleted</source>
        <translation>Cita ({kind}) del {when} eliminada</translation>
    </message>
    <message>
        <source>comment &quot;{text}&quot;</source>
        <translation>comentario «{text}»</translation>
    </message>
    <message>
        <source>comment edited: &quot;{text}&quot;</source>
        <translation>comentario editado: «{text}»</translation>
    </message>
    <message>
        <source>Created {kind} {name}</source>
        <translation>Alta: {kind} {name}</translation>
    </message>
    <message>
        <source>Edited {kind} {name}</source>
        <translation>Modificación: {kind} {name}</translation>
    </message>
    <message>
        <source>Reactivated {kind} {name}</source>
        <translation>Reactivación: {kind} {name}</translation>
    </message>
    <message>
        <source>Deactivated {kind} {name}</source>
        <translation>Desactivación: {kind} {name}</translation>
    </message>
    <message>
        <source>Deactivated {kind} {name} instead of deleting it: it is still in use</source>
        <translation>Desactivación: {kind} {name}, en lugar de eliminarlo, porque todavía está en uso</translation>
    </message>
    <message>
        <source>Deleted {kind} {name}</source>
        <translation>Eliminación: {kind} {name}</translation>
    </message>
    <message>
        <source>Failed sign-in: unknown user name &apos;{name}&apos;</source>
        <translation>Inicio de sesión fallido: nombre de usuario desconocido «{name}»</translation>
    </message>
    <message>
        <source>Created the first administrator {name}</source>
        <translation>Primer administrador creado: {name}</translation>
    </message>
    <message>
        <source>{name} signed in</source>
        <translation>{name} ha iniciado sesión</translation>
    </message>
    <message>
        <source>Created user {name}</source>
        <translation>Usuario {name} creado</translation>
    </message>
    <message>
        <source>Edited user {name}</source>
        <translation>Usuario {name} editado</translation>
    </message>
    <message>
        <source>Reset the password of {name}</source>
        <translation>Contraseña de {name} restablecida</translation>
    </message>
    <message>
        <source>{name} unlocked the window</source>
        <translation>{name} ha desbloqueado la ventana</translation>
    </message>
    <message>
        <source>{name} changed their password</source>
        <translation>{name} ha cambiado su contraseña</translation>
    </message>
    <message>
        <source>Reactivated user {name}</source>
        <translation>Usuario {name} reactivado</translation>
    </message>
    <message>
        <source>Deactivated user {name}</source>
        <translation>Usuario {name} desactivado</translation>
    </message>
    <message>
        <source>Changed the organisation settings: {fields}</source>
        <translation>Configuración de la organización cambiada: {fields}</translation>
    </message>
    <message>
        <source>Changed the calendar and reminder settings: {fields}</source>
        <translation>Configuración del calendario y los recordatorios cambiada: {fields}</translation>
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
        <translation>+{count} más</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasada</translation>
    </message>
    <message>
        <source>Order {status}</source>
        <translation>Orden: {status}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Scheduled by {person}</source>
        <translation>Programada por {person}</translation>
    </message>
    <message>
        <source>Due {number} {patient}</source>
        <translation>Entrega {number} {patient}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Cannot create the data folders: {reason}</source>
        <translation>No se pueden crear las carpetas de datos: {reason}</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrumpido.</translation>
    </message>
    <message>
        <source>{reason}. Details are in {path}</source>
        <translation>{reason}. Los detalles están en {path}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. Details are in {path}</source>
        <translation>Error inesperado: {error}. Los detalles están en {path}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Error inesperado: {error}</translation>
    </message>
    <message>
        <source>Dentasync Desktop: offline work orders for dental clinics and dental labs.
Without a command it opens the application window.</source>
        <translation>Dentasync Desktop: órdenes de trabajo sin conexión para clínicas y laboratorios dentales.
Sin ningún comando, abre la ventana de la aplicación.</translation>
    </message>
    <message>
        <source>no password: set {variable} or run the command in a terminal</source>
        <translation>no hay contraseña: defina {variable} o ejecute el comando en un terminal</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Repita la contraseña: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>las dos contraseñas no coinciden</translation>
    </message>
    <message>
        <source>{command}: this command reads or changes clinic data; sign in with --user NAME (the password is asked for, or taken from {variable})</source>
        <translation>{command}: este comando lee o cambia datos de la clínica; inicie sesión con --user NAME (la contraseña se pide o se toma de {variable})</translation>
    </message>
    <message>
        <source>Password for {name}: </source>
        <translation>Contraseña de {name}: </translation>
    </message>
    <message numerus="yes">
        <source>Seeding %n order(s) (seed {seed}) into {path}</source>
        <translation>
            <numerusform>Generando %n orden (semilla {seed}) en {path}</numerusform>
            <numerusform>Generando %n órdenes (semilla {seed}) en {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Done in {seconds} s ({rate} orders/s).</source>
        <translation>Hecho en {seconds} s ({rate} órdenes/s).</translation>
    </message>
    <message>
        <source>OK: no problems found.</source>
        <translation>OK: no se ha encontrado ningún problema.</translation>
    </message>
    <message>
        <source>PROBLEM: {problem}</source>
        <translation>PROBLEMA: {problem}</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>No hay ninguna base de datos en {path} de la que hacer una copia de seguridad.</translation>
    </message>
    <message>
        <source>-o: {path} is a folder; give the name of the backup file to write.</source>
        <translation>-o: {path} es una carpeta; indique el nombre del archivo de copia de seguridad que se debe escribir.</translation>
    </message>
    <message>
        <source>Backed up {path} to {target}</source>
        <translation>Copia de seguridad de {path} hecha en {target}</translation>
    </message>
    <message>
        <source>Restored {backup} into {path}</source>
        <translation>Copia de seguridad {backup} restaurada en {path}</translation>
    </message>
    <message>
        <source>There was no previous database to keep.</source>
        <translation>No había ninguna base de datos anterior que conservar.</translation>
    </message>
    <message>
        <source>The previous database was kept as {path}</source>
        <translation>La base de datos anterior se ha guardado como {path}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Escrito: {path}</translation>
    </message>
    <message>
        <source>--status: the labs view has no payment-status filter; use --view orders</source>
        <translation>--status: la vista de laboratorios no tiene filtro de estado del pago; use --view orders</translation>
    </message>
    <message>
        <source>--from: the start date is after the --to date</source>
        <translation>--from: la fecha de inicio es posterior a la fecha de --to</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROL</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>user add: there is no active administrator yet; add one first (--role admin)</source>
        <translation>user add: todavía no hay ningún administrador activo; añada uno primero (--role admin)</translation>
    </message>
    <message>
        <source>Added {role} {name}.</source>
        <translation>Añadido: {name} ({role}).</translation>
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
        <translation>dónde están los datos:
  La base de datos, las copias de seguridad, los adjuntos y las exportaciones están en la
  carpeta de datos del usuario; los registros, en la carpeta de registros del usuario (ejecute
  &apos;dentasync-desktop check&apos; para verlas). --data-dir DIR o la variable de entorno
  DENTASYNC_DATA_DIR lo pone todo en DIR. --demo usa una base de datos aparte en una
  subcarpeta &apos;demo&apos; y la llena con datos de demostración la primera vez.
  --database-url postgresql+psycopg://USER@HOST:5432/DATABASE (o DENTASYNC_DATABASE_URL)
  usa en su lugar un servidor PostgreSQL compartido por varios PC; la carpeta de datos lo
  recuerda (sin la contraseña, que se guarda en el llavero del sistema operativo o se toma de
  $DENTASYNC_DATABASE_PASSWORD). --database-url local vuelve al archivo de este ordenador.

códigos de salida:
  0 hecho, 1 un problema (el mensaje dice cuál), 2 uso incorrecto, 130 interrumpido

ejemplos:
  dentasync-desktop --demo                  abrir la ventana con la base de datos de demostración
  dentasync-desktop check                   ¿está la base de datos en buen estado y al día?
  dentasync-desktop backup                  hacer una copia en la carpeta de copias de seguridad
  dentasync-desktop backup -o ~/wo.sqlite3 --user anna
  dentasync-desktop restore BACKUP_FILE --user anna
  dentasync-desktop print order WO-000123 -o wo.pdf --user anna
  dentasync-desktop report finance --view labs --format xlsx -o labs.xlsx --user anna
  dentasync-desktop --data-dir /tmp/big seed --orders 100000
  dentasync-desktop user add anna --role admin --full-name &quot;Anna Schäfer&quot;
  dentasync-desktop --lang es check         mensajes en español (o $DENTASYNC_LANG)

inicio de sesión:
  print, report, backup -o, restore, user y seed en una base de datos en uso necesitan
  --user NAME; la contraseña se pide o se toma de $DENTASYNC_PASSWORD.</translation>
    </message>
    <message>
        <source>Moving {path} to {url}</source>
        <translation>Moviendo {path} a {url}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Money totals</source>
        <translation>Totales de importes</translation>
    </message>
    <message>
        <source>DIFFERENT: {table}: here {rows} row(s) {totals}, on the server {server_rows} row(s) {server_totals}</source>
        <translation>DIFERENCIA: {table}: aquí {rows} fila(s) {totals}, en el servidor {server_rows} fila(s) {server_totals}</translation>
    </message>
    <message>
        <source>The copy differs from the file; nothing was kept on the server.</source>
        <translation>La copia difiere del archivo; no se ha conservado nada en el servidor.</translation>
    </message>
    <message numerus="yes">
        <source>Attached files and the logo put into the server&apos;s database: %n</source>
        <translation>
            <numerusform>Archivos adjuntos y logotipo guardados en la base de datos del servidor: %n</numerusform>
            <numerusform>Archivos adjuntos y logotipo guardados en la base de datos del servidor: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MISSING: %n attached file(s) are not in {folder}: their orders still list them, but they cannot be opened on the server. The log names them.</source>
        <translation>
            <numerusform>FALTA: %n archivo adjunto no está en {folder}: su orden lo sigue listando, pero no se puede abrir en el servidor. El registro lo nombra.</numerusform>
            <numerusform>FALTAN: %n archivos adjuntos no están en {folder}: sus órdenes los siguen listando, pero no se pueden abrir en el servidor. El registro los nombra.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OK: %n row(s) moved in {seconds} s; the rows and money totals of every table are the same on the server.</source>
        <translation>
            <numerusform>OK: %n fila movida en {seconds} s; las filas y los totales de importes de cada tabla coinciden en el servidor.</numerusform>
            <numerusform>OK: %n filas movidas en {seconds} s; las filas y los totales de importes de cada tabla coinciden en el servidor.</numerusform>
        </translation>
    </message>
    <message>
        <source>This data folder uses the server from now on; its file stays as it was.</source>
        <translation>Esta carpeta de datos usa el servidor a partir de ahora; su archivo queda como estaba.</translation>
    </message>
    <message>
        <source>To use the server from now on, run on each PC: {command}</source>
        <translation>Para usar el servidor a partir de ahora, ejecute en cada PC: {command}</translation>
    </message>
    <message>
        <source>{table}: {done} of {total} rows</source>
        <translation>{table}: {done} de {total} filas</translation>
    </message>
    <message>
        <source>New password for {name}: </source>
        <translation>Nueva contraseña de {name}: </translation>
    </message>
    <message>
        <source>Changed the password of {name}.</source>
        <translation>Se ha cambiado la contraseña de {name}.</translation>
    </message>
    <message>
        <source>not a date (use YYYY-MM-DD): {text}</source>
        <translation>no es una fecha (use AAAA-MM-DD): {text}</translation>
    </message>
    <message>
        <source>not a whole number: {text}</source>
        <translation>no es un número entero: {text}</translation>
    </message>
    <message>
        <source>must be at least 1, not {value}</source>
        <translation>debe ser al menos 1, no {value}</translation>
    </message>
    <message>
        <source>where the data lives</source>
        <translation>dónde están los datos</translation>
    </message>
    <message>
        <source>keep the database, backups, attachments and logs under DIR (default: $DENTASYNC_DATA_DIR, else the user data folder)</source>
        <translation>guardar la base de datos, las copias de seguridad, los adjuntos y los registros en DIR (predeterminado: $DENTASYNC_DATA_DIR; si no, la carpeta de datos del usuario)</translation>
    </message>
    <message>
        <source>use the separate demo database, filled with demo data on first use (users admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)</source>
        <translation>usar la base de datos de demostración aparte, que se llena con datos de demostración la primera vez (usuarios admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>inicio de sesión</translation>
    </message>
    <message>
        <source>sign in as NAME for commands that read or change clinic data (print, report, backup -o, restore, seed into a database in use, user); the password is asked for, or taken from ${variable}</source>
        <translation>iniciar sesión como NAME para los comandos que leen o cambian datos de la clínica (print, report, backup -o, restore, seed en una base de datos en uso, user); la contraseña se pide o se toma de ${variable}</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>the language of messages and documents (default: ${variable}, else the system&apos;s language when translated, else English)</source>
        <translation>el idioma de los mensajes y los documentos (predeterminado: ${variable}; si no, el idioma del sistema si hay traducción; si no, inglés)</translation>
    </message>
    <message>
        <source>check this installation end to end in a temporary data folder, without a screen (migrations, main window, an order, its printed form, a finance export)</source>
        <translation>comprobar esta instalación de principio a fin en una carpeta de datos temporal, sin pantalla (migraciones, ventana principal, una orden, su formulario impreso, una exportación financiera)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>comandos</translation>
    </message>
    <message>
        <source>fill the database with synthetic data at scale</source>
        <translation>llenar la base de datos con datos sintéticos a gran escala</translation>
    </message>
    <message>
        <source>Add reproducible synthetic labs, dentists, patients and work orders (with payments and events) to the database, and print what was made.</source>
        <translation>Añadir a la base de datos laboratorios, dentistas, pacientes y órdenes de trabajo sintéticos y reproducibles (con pagos y citas), y mostrar lo que se ha creado.</translation>
    </message>
    <message>
        <source>number of work orders to create</source>
        <translation>número de órdenes de trabajo que se deben crear</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same data (default 0)</source>
        <translation>semilla aleatoria; la misma semilla da los mismos datos (predeterminado: 0)</translation>
    </message>
    <message>
        <source>check the database and the folders</source>
        <translation>comprobar la base de datos y las carpetas</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity, that its schema is up to date and complete, that no row refers to a missing one, that stored paid amounts match the payments, and that the folders exist. Prints the folders in use and one PROBLEM line per problem. Exit code 1 on a problem.</source>
        <translation>Comprobar la integridad de la base de datos, que su esquema está al día y completo, que ninguna fila hace referencia a otra que falta, que los importes pagados guardados coinciden con los pagos y que las carpetas existen. Muestra las carpetas en uso y una línea PROBLEMA por cada problema. Código de salida 1 si hay un problema.</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>hacer ahora una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>write the backup to FILE instead</source>
        <translation>escribir la copia de seguridad en FILE</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>sustituir la base de datos por una copia de seguridad</translation>
    </message>
    <message>
        <source>Copy the database consistently, even while the application is open. Without -o the copy goes to the backups folder (the newest 20 are kept). A database server is copied with PostgreSQL&apos;s pg_dump into a .dump file; pg_dump must be installed on this PC.</source>
        <translation>Copiar la base de datos de forma coherente, incluso con la aplicación abierta. Sin -o, la copia va a la carpeta de copias de seguridad (se conservan las 20 más recientes). Un servidor de base de datos se copia con pg_dump de PostgreSQL en un archivo .dump; pg_dump debe estar instalado en este PC.</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>órdenes</translation>
    </message>
    <message>
        <source>items</source>
        <translation>trabajos</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tareas</translation>
    </message>
    <message>
        <source>payment plans</source>
        <translation>planes de pago</translation>
    </message>
    <message>
        <source>installments</source>
        <translation>cuotas</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>pagos</translation>
    </message>
    <message>
        <source>events</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>comentarios</translation>
    </message>
    <message>
        <source>labs</source>
        <translation>laboratorios</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>pacientes</translation>
    </message>
    <message>
        <source>services</source>
        <translation>servicios</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>first number</source>
        <translation>primer número</translation>
    </message>
    <message>
        <source>last number</source>
        <translation>último número</translation>
    </message>
    <message>
        <source>{done} / {total} orders</source>
        <translation>{done} / {total} órdenes</translation>
    </message>
    <message>
        <source>database: {where}</source>
        <translation>base de datos: {where}</translation>
    </message>
    <message>
        <source>backups: {where}</source>
        <translation>copias de seguridad: {where}</translation>
    </message>
    <message>
        <source>attachments: {where}</source>
        <translation>adjuntos: {where}</translation>
    </message>
    <message>
        <source>logs: {where}</source>
        <translation>registros: {where}</translation>
    </message>
    <message>
        <source>settings: {where}</source>
        <translation>configuración: {where}</translation>
    </message>
    <message>
        <source>migrations: {where}</source>
        <translation>migraciones: {where}</translation>
    </message>
    <message>
        <source>schema: {found} (newest: {head})</source>
        <translation>esquema: {found} (el más reciente: {head})</translation>
    </message>
    <message>
        <source>newest backup: none</source>
        <translation>copia de seguridad más reciente: ninguna</translation>
    </message>
    <message>
        <source>newest backup: {path} (made on {host}, {when})</source>
        <translation>copia de seguridad más reciente: {path} (hecha en {host}, {when})</translation>
    </message>
    <message>
        <source>Replace the database with FILE after checking that FILE is a sound, complete Dentasync Desktop database this version can open. The current database is kept in the backups folder first. Works when the current database is damaged. Refused while the application or another command has the database open. On a database server FILE is a backup made with pg_dump (pg_restore must be installed on this PC), and the restore is refused while other PCs are connected.</source>
        <translation>Sustituir la base de datos por FILE tras comprobar que FILE es una base de datos de Dentasync Desktop íntegra y completa que esta versión puede abrir. Antes se guarda la base de datos actual en la carpeta de copias de seguridad. Funciona aunque la base de datos actual esté dañada. Se rechaza mientras la aplicación u otro comando tenga la base de datos abierta. En un servidor de base de datos, FILE es una copia hecha con pg_dump (pg_restore debe estar instalado en este PC), y la restauración se rechaza mientras haya otros PC conectados.</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>el archivo de copia de seguridad que se debe restaurar</translation>
    </message>
    <message>
        <source>move this data folder&apos;s database to a PostgreSQL server</source>
        <translation>mover la base de datos de esta carpeta a un servidor PostgreSQL</translation>
    </message>
    <message>
        <source>Copy every row of this data folder&apos;s database file into the empty PostgreSQL database at URL, after creating its tables there. Then compare the rows and money totals of every table on both sides and print them. Refused while the application or another command has the file open, when the file needs an upgrade first, and when the server&apos;s database holds data already. Exit code 1 when anything differs (nothing is then kept on the server). The file itself is not changed. Attachment files stay in this data folder.</source>
        <translation>Copia cada fila del archivo de base de datos de esta carpeta en la base de datos PostgreSQL vacía en URL, tras crear allí sus tablas. Después compara las filas y los totales de importes de cada tabla en ambos lados y los muestra. Se rechaza mientras la aplicación u otro comando tenga el archivo abierto, cuando el archivo necesita actualizarse primero y cuando la base de datos del servidor ya contiene datos. Código de salida 1 si algo difiere (entonces no se conserva nada en el servidor). El archivo en sí no se modifica. Los archivos adjuntos se quedan en esta carpeta de datos.</translation>
    </message>
    <message>
        <source>the empty server database: postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE</source>
        <translation>la base de datos vacía del servidor: postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE</translation>
    </message>
    <message>
        <source>afterwards point this data folder at the server (the password goes to the OS keyring)</source>
        <translation>después apuntar esta carpeta de datos al servidor (la contraseña va al llavero del sistema)</translation>
    </message>
    <message>
        <source>print an order form, box label or payment instructions</source>
        <translation>imprimir un formulario de orden, una etiqueta de caja o unas instrucciones de pago</translation>
    </message>
    <message>
        <source>Write one work order&apos;s form, box label or payment instructions to a PDF file. NUMBER is the order number as shown (WO-000123) or just 123. The form, label and instructions are in the language set for the order&apos;s dental lab, else in the language of the messages.</source>
        <translation>Escribir en un archivo PDF el formulario, la etiqueta de caja o las instrucciones de pago de una orden de trabajo. NUMBER es el número de orden tal como se muestra (WO-000123) o solo 123. El formulario, la etiqueta y las instrucciones están en el idioma definido para el laboratorio dental de la orden; si no, en el idioma de los mensajes.</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>the work order: WO-000123 or 123</source>
        <translation>la orden de trabajo: WO-000123 o 123</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>el archivo PDF que se debe escribir</translation>
    </message>
    <message>
        <source>the work-order form</source>
        <translation>el formulario de la orden de trabajo</translation>
    </message>
    <message>
        <source>sections to print, comma-separated: {sections} (default: as last chosen in the app)</source>
        <translation>secciones que se deben imprimir, separadas por comas: {sections} (predeterminado: las últimas elegidas en la aplicación)</translation>
    </message>
    <message>
        <source>paper size (default: Settings)</source>
        <translation>tamaño del papel (predeterminado: Configuración)</translation>
    </message>
    <message>
        <source>a box label</source>
        <translation>una etiqueta de caja</translation>
    </message>
    <message>
        <source>label size in mm or inches (default: 62x29)</source>
        <translation>tamaño de la etiqueta en mm o pulgadas (predeterminado: 62x29)</translation>
    </message>
    <message>
        <source>payment instructions: the lab&apos;s bank details and the amount due</source>
        <translation>instrucciones de pago: los datos bancarios del laboratorio y el importe a pagar</translation>
    </message>
    <message>
        <source>write a finance report (XLSX, PDF or CSV)</source>
        <translation>escribir un informe financiero (XLSX, PDF o CSV)</translation>
    </message>
    <message>
        <source>Write a report of the finance page, as its tabs show it. Cancelled orders are excluded.</source>
        <translation>Escribir un informe de la página de finanzas tal como lo muestran sus pestañas. Las órdenes canceladas no se incluyen.</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>informes</translation>
    </message>
    <message>
        <source>paid, total and outstanding per lab or per order</source>
        <translation>pagado, total y pendiente por laboratorio o por orden</translation>
    </message>
    <message>
        <source>The Dental labs or Work orders tab of the finance page with the given filters (on the documented date), as an XLSX, PDF or CSV file.</source>
        <translation>La pestaña Laboratorios dentales u Órdenes de trabajo de la página de finanzas con los filtros indicados (sobre la fecha de documentación), como archivo XLSX, PDF o CSV.</translation>
    </message>
    <message>
        <source>labs: one row per lab and currency; orders: one row per work order</source>
        <translation>labs: una fila por laboratorio y moneda; orders: una fila por orden de trabajo</translation>
    </message>
    <message>
        <source>first documented date, YYYY-MM-DD</source>
        <translation>primera fecha de documentación, AAAA-MM-DD</translation>
    </message>
    <message>
        <source>last documented date, YYYY-MM-DD</source>
        <translation>última fecha de documentación, AAAA-MM-DD</translation>
    </message>
    <message>
        <source>only this dental lab (its full name)</source>
        <translation>solo este laboratorio dental (su nombre completo)</translation>
    </message>
    <message>
        <source>only orders paid by this payment method</source>
        <translation>solo las órdenes pagadas con esta forma de pago</translation>
    </message>
    <message>
        <source>only orders with this payment status (orders view)</source>
        <translation>solo las órdenes con este estado del pago (vista orders)</translation>
    </message>
    <message>
        <source>xlsx (Excel), pdf, or csv (UTF-8 with BOM)</source>
        <translation>xlsx (Excel), pdf o csv (UTF-8 con BOM)</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>el archivo que se debe escribir</translation>
    </message>
    <message>
        <source>list users, add a user, set a password</source>
        <translation>listar usuarios, añadir un usuario, establecer una contraseña</translation>
    </message>
    <message>
        <source>Manage the user accounts. Needs an administrator&apos;s --user, except to add the first administrator while the database has no active one (after &apos;seed&apos;, for example). New passwords are asked for twice, or taken from ${new_variable} (${variable} for the first administrator).</source>
        <translation>Gestionar las cuentas de usuario. Necesita el --user de un administrador, salvo para añadir el primer administrador mientras la base de datos no tenga ninguno activo (por ejemplo, después de &apos;seed&apos;). Las contraseñas nuevas se piden dos veces o se toman de ${new_variable} (${variable} para el primer administrador).</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>acciones</translation>
    </message>
    <message>
        <source>every user with role and status</source>
        <translation>todos los usuarios con su rol y estado</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>añadir un usuario</translation>
    </message>
    <message>
        <source>the user name to sign in with</source>
        <translation>el nombre de usuario con el que se inicia sesión</translation>
    </message>
    <message>
        <source>what the user may do</source>
        <translation>lo que puede hacer el usuario</translation>
    </message>
    <message>
        <source>the name shown (default: NAME)</source>
        <translation>el nombre que se muestra (predeterminado: NAME)</translation>
    </message>
    <message>
        <source>set a user&apos;s password</source>
        <translation>establecer la contraseña de un usuario</translation>
    </message>
    <message>
        <source>whose password to set</source>
        <translation>de quién se establece la contraseña</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Reset columns</source>
        <translation>Restablecer columnas</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
</context>
<context>
    <name>customers</name>
    <message>
        <source>Edit customer</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Dr. Jane Smith</source>
        <translation>Dra. Ana García</translation>
    </message>
    <message>
        <source>&amp;Clinic:</source>
        <translation>&amp;Clínica:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>The dentists and clinics who order work.</source>
        <translation>Los dentistas y las clínicas que encargan trabajos.</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>order number</source>
        <translation>número de orden</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>fecha de entrega</translation>
    </message>
    <message>
        <source>lab name</source>
        <translation>nombre del laboratorio</translation>
    </message>
    <message>
        <source>patient name</source>
        <translation>nombre del paciente</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>nombre del cliente</translation>
    </message>
    <message>
        <source>organisation name</source>
        <translation>nombre de la organización</translation>
    </message>
    <message>
        <source>teeth</source>
        <translation>dientes</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>color</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>The {what} was shortened to fit the {size} label: &apos;{text}&apos;.</source>
        <translation>El campo «{what}» se ha acortado para que quepa en la etiqueta de {size}: «{text}».</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Entrega {date}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dientes</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Box label {number}</source>
        <translation>Etiqueta de caja {number}</translation>
    </message>
    <message>
        <source>WORK ORDER</source>
        <translation>ORDEN DE TRABAJO</translation>
    </message>
    <message>
        <source>(on hold)</source>
        <translation>(en espera)</translation>
    </message>
    <message>
        <source>remake</source>
        <translation>repetición</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Documentada</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>nacido/a el {date}</translation>
    </message>
    <message>
        <source>Contact: {name}</source>
        <translation>Contacto: {name}</translation>
    </message>
    <message>
        <source>Ordered teeth</source>
        <translation>Dientes encargados</translation>
    </message>
    <message>
        <source>No teeth recorded</source>
        <translation>No hay dientes registrados</translation>
    </message>
    <message>
        <source>Teeth (FDI)</source>
        <translation>Dientes (FDI)</translation>
    </message>
    <message>
        <source>Items and services</source>
        <translation>Trabajos y servicios</translation>
    </message>
    <message>
        <source>No items.</source>
        <translation>Sin trabajos.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <source>Price adjustment</source>
        <translation>Ajuste de precio</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de trabajo</translation>
    </message>
    <message>
        <source>No work plan.</source>
        <translation>Sin plan de trabajo.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Sin descripción.</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Remake</source>
        <translation>Repetición</translation>
    </message>
    <message>
        <source>Remake of</source>
        <translation>Repetición de</translation>
    </message>
    <message>
        <source>Copied from</source>
        <translation>Copiada de</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Patient note</source>
        <translation>Nota sobre el paciente</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>Sin comentarios.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Technician signature</source>
        <translation>Firma del técnico</translation>
    </message>
    <message>
        <source>Checked and released by</source>
        <translation>Revisado y aprobado por</translation>
    </message>
    <message>
        <source>Work order {number}</source>
        <translation>Orden de trabajo {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n orden de trabajo</numerusform>
            <numerusform>%n órdenes de trabajo</numerusform>
        </translation>
    </message>
    <message>
        <source>PAYMENT INSTRUCTIONS</source>
        <translation>INSTRUCCIONES DE PAGO</translation>
    </message>
    <message>
        <source>Pay to</source>
        <translation>Pagar a</translation>
    </message>
    <message>
        <source>Please quote the payment reference {reference} so the payment is matched to this work order.</source>
        <translation>Indique la referencia de pago {reference} para que el pago se asigne a esta orden de trabajo.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Nothing is due on {number}: it is paid in full.</source>
        <translation>No hay nada pendiente en {number}: está pagada por completo.</translation>
    </message>
    <message>
        <source>Total {total} · paid {paid}</source>
        <translation>Total {total} · pagado {paid}</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Importe a pagar</translation>
    </message>
    <message>
        <source>Total {total} (items {items}, price adjustment {adjustment}) · paid {paid}</source>
        <translation>Total {total} (trabajos {items}, ajuste de precio {adjustment}) · pagado {paid}</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(vencido)</translation>
    </message>
    <message>
        <source>Open installments</source>
        <translation>Plazos pendientes</translation>
    </message>
    <message>
        <source>Price adjustment, not in the installments</source>
        <translation>Ajuste de precio, no incluido en los plazos</translation>
    </message>
    <message>
        <source>{lab} has no IBAN on file, so the sheet shows no bank account. Add it to the dental lab&apos;s details.</source>
        <translation>{lab} no tiene IBAN registrado, así que la hoja no muestra ninguna cuenta bancaria. Añádalo a los datos del laboratorio dental.</translation>
    </message>
    <message>
        <source>The bank details of {lab} are not valid ({problem}), so the sheet shows no bank account. Correct the dental lab&apos;s details.</source>
        <translation>Los datos bancarios de {lab} no son válidos ({problem}), así que la hoja no muestra ninguna cuenta bancaria. Corrija los datos del laboratorio dental.</translation>
    </message>
    <message>
        <source>not on file — please ask the lab</source>
        <translation>no registrado; consúltelo con el laboratorio</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Titular de la cuenta</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banco</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>Referencia de pago</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Scan with a banking app (SEPA transfer)</source>
        <translation>Escanear con una aplicación bancaria (transferencia SEPA)</translation>
    </message>
    <message>
        <source>Payment instructions {number}</source>
        <translation>Instrucciones de pago {number}</translation>
    </message>
    <message>
        <source>{number}: the patient {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}: el paciente {name} tiene caracteres que faltan en las fuentes de impresión ({missing}); se imprimen como recuadros vacíos.</translation>
    </message>
    <message>
        <source>{number}: the customer {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}: el cliente {name} tiene caracteres que faltan en las fuentes de impresión ({missing}); se imprimen como recuadros vacíos.</translation>
    </message>
    <message>
        <source>{number}: the dental lab {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}: el laboratorio dental {name} tiene caracteres que faltan en las fuentes de impresión ({missing}); se imprimen como recuadros vacíos.</translation>
    </message>
    <message>
        <source>The logo file &apos;{path}&apos; could not be read, so the header was printed without a logo. Choose another file in Settings.</source>
        <translation>No se ha podido leer el archivo de logotipo &apos;{path}&apos;, así que el encabezado se ha impreso sin logotipo. Elija otro archivo en Configuración.</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>En producción</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Producida</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>No pagado</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Pagado en parte</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Try-in</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Recogida</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Toma de impresión</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semanas</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Start production</source>
        <translation>Iniciar producción</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Producir</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Despachar</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Entregar</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Retroceder</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Crear orden</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Change customer</source>
        <translation>Cambiar cliente</translation>
    </message>
    <message>
        <source>Plan work</source>
        <translation>Planificar trabajo</translation>
    </message>
    <message>
        <source>Tick work-plan tasks</source>
        <translation>Marcar tareas del plan de trabajo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Nómina</translation>
    </message>
    <message>
        <source>Finalize payroll</source>
        <translation>Finalizar nómina</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Update due date</source>
        <translation>Cambiar la fecha de entrega</translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation>Instrucciones de pago</translation>
    </message>
    <message>
        <source>Adjust price</source>
        <translation>Ajustar precio</translation>
    </message>
    <message>
        <source>Put on / take off hold</source>
        <translation>Poner en espera / quitar de espera</translation>
    </message>
    <message>
        <source>Mark as remake</source>
        <translation>Marcar como repetición</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>Añadir pago</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Anular pago</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Plan de pagos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentar</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Eliminar orden</translation>
    </message>
    <message>
        <source>View finance</source>
        <translation>Ver finanzas</translation>
    </message>
    <message>
        <source>Manage customers and patients</source>
        <translation>Gestionar clientes y pacientes</translation>
    </message>
    <message>
        <source>Manage labs, services and staff</source>
        <translation>Gestionar laboratorios, servicios y personal</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Gestionar usuarios</translation>
    </message>
    <message>
        <source>Manage settings</source>
        <translation>Gestionar la configuración</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Choose the database</source>
        <translation>Elegir la base de datos</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>No es posible</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation>Base de datos ocupada</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Nothing already saved was lost.</source>
        <translation>Algo ha fallado y la acción no se ha completado. No se ha perdido nada de lo ya guardado.</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Los detalles se han escrito en el archivo de registro:
{path}</translation>
    </message>
    <message>
        <source>Only an administrator may add synthetic data to a database in use.</source>
        <translation>Solo un administrador puede añadir datos sintéticos a una base de datos en uso.</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow this action: {action}.</source>
        <translation>Su rol ({role}) no permite esta acción: {action}.</translation>
    </message>
    <message>
        <source>Only the author ({author}) can edit this comment.</source>
        <translation>Solo el autor ({author}) puede editar este comentario.</translation>
    </message>
    <message>
        <source>Someone else changed this order in the meantime. It has been reloaded; please try again.</source>
        <translation>Otra persona ha cambiado esta orden mientras tanto. Se ha vuelto a cargar; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Someone else changed this event in the meantime. It has been reloaded; please try again.</source>
        <translation>Otra persona ha cambiado esta cita mientras tanto. Se ha vuelto a cargar; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>You are not signed in as a user of this database. Sign in again.</source>
        <translation>No ha iniciado sesión como usuario de esta base de datos. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; has been deactivated, so you have been signed out. Ask an administrator to reactivate it.</source>
        <translation>La cuenta &apos;{username}&apos; se ha desactivado, así que se ha cerrado su sesión. Pida a un administrador que la vuelva a activar.</translation>
    </message>
    <message>
        <source>An administrator changed your role to {role}. Sign in again to continue with the new role.</source>
        <translation>Un administrador ha cambiado su rol a {role}. Vuelva a iniciar sesión para continuar con el nuevo rol.</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>No existe la orden de trabajo {number}.</translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation>Usuario desconocido o contraseña incorrecta.</translation>
    </message>
    <message>
        <source>Unknown user or wrong password. Too many wrong passwords: wait {wait} before the next attempt.</source>
        <translation>Usuario desconocido o contraseña incorrecta. Demasiadas contraseñas incorrectas: espere {wait} antes del próximo intento.</translation>
    </message>
    <message>
        <source>Too many wrong passwords for &apos;{username}&apos;. Wait {wait}, then try again.</source>
        <translation>Demasiadas contraseñas incorrectas para &apos;{username}&apos;. Espere {wait} y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is deactivated. Ask an administrator to reactivate it.</source>
        <translation>La cuenta &apos;{username}&apos; está desactivada. Pida a un administrador que la vuelva a activar.</translation>
    </message>
    <message>
        <source>An administrator account already exists; sign in, or ask an administrator to create your account.</source>
        <translation>Ya existe una cuenta de administrador; inicie sesión o pida a un administrador que cree su cuenta.</translation>
    </message>
    <message>
        <source>The database is busy, please try again.</source>
        <translation>La base de datos está ocupada; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space (empty the recycle bin, move or delete large files), then try again. Nothing is damaged.</source>
        <translation>El disco que contiene {path} está lleno. Libere espacio (vacíe la papelera, mueva o elimine archivos grandes) y vuelva a intentarlo. No se ha dañado nada.</translation>
    </message>
    <message>
        <source>{path} cannot be written: the file, its folder or the disk is read-only. Make them writable (check the file&apos;s properties and that the disk is not write-protected), then try again. Nothing is damaged.</source>
        <translation>No se puede escribir en {path}: el archivo, su carpeta o el disco son de solo lectura. Permita la escritura (revise las propiedades del archivo y que el disco no esté protegido contra escritura) y vuelva a intentarlo. No se ha dañado nada.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: permission denied. Check that your user account may read and write this file and its folder, then try again.</source>
        <translation>No se puede abrir {path}: permiso denegado. Compruebe que su cuenta de usuario puede leer y escribir este archivo y su carpeta, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{path} is locked by another program (a sync or backup tool, or another copy of Dentasync Desktop). Close it or wait a moment, then try again.</source>
        <translation>{path} está bloqueado por otro programa (una herramienta de sincronización o de copias de seguridad, u otra copia de Dentasync Desktop). Ciérrelo o espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{path} cannot be opened. Check that the disk is connected and has free space, and that your user account may read and write the file and its folder, then try again.</source>
        <translation>No se puede abrir {path}. Compruebe que el disco está conectado y tiene espacio libre, y que su cuenta de usuario puede leer y escribir el archivo y su carpeta, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The disk reported an error while using {path}. Check that the disk is connected and has free space, then try again.</source>
        <translation>El disco ha notificado un error al usar {path}. Compruebe que el disco está conectado y tiene espacio libre, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problems}). The newest backup is {backup}; restore it with &apos;dentasync-desktop restore &quot;{backup}&quot;&apos;.</source>
        <translation>La base de datos {path} está dañada ({problems}). La copia de seguridad más reciente es {backup}; restáurela con &apos;dentasync-desktop restore &quot;{backup}&quot;&apos;.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problems}). No backup was found.</source>
        <translation>La base de datos {path} está dañada ({problems}). No se ha encontrado ninguna copia de seguridad.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Dentasync Desktop (schema {schema}). Install the newer version to open it.</source>
        <translation>Esta base de datos se escribió con una versión más reciente de Dentasync Desktop (esquema {schema}). Instale la versión más reciente para abrirla.</translation>
    </message>
    <message>
        <source>The database {path} is being restored by another Dentasync Desktop process. Try again when the restore has finished.</source>
        <translation>Otro proceso de Dentasync Desktop está restaurando la base de datos {path}. Vuelva a intentarlo cuando haya terminado la restauración.</translation>
    </message>
    <message>
        <source>Dentasync Desktop is already open on {path} ({holder}). Switch to that window, or close it and start again.</source>
        <translation>Dentasync Desktop ya está abierto en {path} ({holder}). Cambie a esa ventana, o ciérrela y vuelva a iniciar la aplicación.</translation>
    </message>
    <message>
        <source>There is no database to back up at {path}.</source>
        <translation>No hay ninguna base de datos en {path} de la que hacer una copia de seguridad.</translation>
    </message>
    <message>
        <source>The database {path} is open in another Dentasync Desktop window or command. Close it (or let the command finish), then restore again. Nothing was changed.</source>
        <translation>La base de datos {path} está abierta en otra ventana o en otro comando de Dentasync Desktop. Ciérrela (o deje que el comando termine) y vuelva a restaurar. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The database {path} is open in another Dentasync Desktop window or command; the window is {holder}. Close it (or let the command finish), then restore again. Nothing was changed.</source>
        <translation>La base de datos {path} está abierta en otra ventana o en otro comando de Dentasync Desktop; la ventana es {holder}. Ciérrela (o deje que el comando termine) y vuelva a restaurar. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The server refused the password of the user {user}.</source>
        <translation>El servidor rechazó la contraseña del usuario {user}.</translation>
    </message>
    <message>
        <source>The server asks for the password of the user {user}; none was given.</source>
        <translation>El servidor pide la contraseña del usuario {user}; no se indicó ninguna.</translation>
    </message>
    <message>
        <source>The server has no user called {user}.</source>
        <translation>El servidor no tiene ningún usuario llamado {user}.</translation>
    </message>
    <message>
        <source>The server has no database called {database}.</source>
        <translation>El servidor no tiene ninguna base de datos llamada {database}.</translation>
    </message>
    <message>
        <source>No database server answers at {host}, port {port}. Check the address, the port, that the server runs and that its firewall lets this PC in.</source>
        <translation>Ningún servidor de base de datos responde en {host}, puerto {port}. Compruebe la dirección, el puerto, que el servidor está en marcha y que su cortafuegos deja pasar a este PC.</translation>
    </message>
    <message>
        <source>The server name {host} is not known on this network.</source>
        <translation>El nombre de servidor {host} no se conoce en esta red.</translation>
    </message>
    <message>
        <source>{host} did not answer within {timeout} seconds.</source>
        <translation>{host} no respondió en {timeout} segundos.</translation>
    </message>
    <message>
        <source>The server lets this PC in only over TLS: choose the TLS mode &quot;require&quot;.</source>
        <translation>El servidor solo admite este PC con TLS: elija el modo TLS «require».</translation>
    </message>
    <message>
        <source>The server does not offer TLS: choose the TLS mode &quot;prefer&quot;, or set TLS up on the server.</source>
        <translation>El servidor no ofrece TLS: elija el modo TLS «prefer» o configure TLS en el servidor.</translation>
    </message>
    <message>
        <source>The server does not let the user {user} in from this PC: add a line for it to the server&apos;s pg_hba.conf.</source>
        <translation>El servidor no admite al usuario {user} desde este PC: añada una línea para él en el pg_hba.conf del servidor.</translation>
    </message>
    <message>
        <source>There is no database at {path} to move to a server.</source>
        <translation>No hay ninguna base de datos en {path} que mover a un servidor.</translation>
    </message>
    <message>
        <source>This data folder already uses the database server {url}. migrate-to copies this computer&apos;s database file; give --database-url local first.</source>
        <translation>Esta carpeta de datos ya usa el servidor de base de datos {url}. migrate-to copia el archivo de base de datos de este equipo; indique primero --database-url local.</translation>
    </message>
    <message>
        <source>The database {path} is at schema {schema}, not at {head} as this version expects. Start Dentasync Desktop once on this data folder (it upgrades the file), close it, then move it again.</source>
        <translation>La base de datos {path} está en el esquema {schema}, no en {head} como espera esta versión. Inicie Dentasync Desktop una vez con esta carpeta de datos (actualiza el archivo), ciérrelo y vuelva a moverla.</translation>
    </message>
    <message>
        <source>The database {path} is open in a Dentasync Desktop window or command. Close it (or let the command finish), then move it again. Nothing was copied.</source>
        <translation>La base de datos {path} está abierta en una ventana o en un comando de Dentasync Desktop. Ciérrela (o deje que el comando termine) y vuelva a moverla. No se ha copiado nada.</translation>
    </message>
    <message>
        <source>The database on the server {url} already holds Dentasync data (in {tables}). migrate-to only fills an empty database; create a new one for it. Nothing was copied.</source>
        <translation>La base de datos del servidor {url} ya contiene datos de Dentasync (en {tables}). migrate-to solo llena una base de datos vacía; cree una nueva para ello. No se ha copiado nada.</translation>
    </message>
    <message>
        <source>The file of &apos;{name}&apos; is missing from the attachments folder ({folder}). Restore it from a backup or add it again.</source>
        <translation>El archivo de «{name}» no está en la carpeta de adjuntos ({folder}). Restáurelo desde una copia de seguridad o vuelva a añadirlo.</translation>
    </message>
    <message>
        <source>The content of &apos;{name}&apos; is missing from the database. Restore the database from a backup or add the file again.</source>
        <translation>El contenido de «{name}» no está en la base de datos. Restaure la base de datos desde una copia de seguridad o vuelva a añadir el archivo.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Contains characters that are not valid text.</source>
        <translation>Contiene caracteres que no son texto válido.</translation>
    </message>
    <message>
        <source>Too long ({length} characters, at most {limit}).</source>
        <translation>Demasiado largo ({length} caracteres, como máximo {limit}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>&apos;{value}&apos; no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Debe ser un número entero.</translation>
    </message>
    <message>
        <source>Must be between {minimum} and {maximum}.</source>
        <translation>Debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
        <source>Cannot be before the documented date.</source>
        <translation>No puede ser anterior a la fecha de documentación.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>No es una fecha.</translation>
    </message>
    <message>
        <source>No such record.</source>
        <translation>No existe ese registro.</translation>
    </message>
    <message>
        <source>A currency is required.</source>
        <translation>Se necesita una moneda.</translation>
    </message>
    <message>
        <source>Unknown currency code &apos;{value}&apos;.</source>
        <translation>Código de moneda desconocido &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Not an amount of money.</source>
        <translation>No es un importe.</translation>
    </message>
    <message>
        <source>Too large (at most {maximum} {currency}).</source>
        <translation>Demasiado grande (como máximo {maximum} {currency}).</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>No es un número.</translation>
    </message>
    <message>
        <source>An amount is required.</source>
        <translation>Se necesita un importe.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid amount.</source>
        <translation>&apos;{value}&apos; no es un importe válido.</translation>
    </message>
    <message>
        <source>Must be at least {minimum}.</source>
        <translation>Debe ser como mínimo {minimum}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a tooth in FDI notation (11-48, 51-85).</source>
        <translation>&apos;{value}&apos; no es un diente en notación FDI (11-48, 51-85).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an order number.</source>
        <translation>&apos;{value}&apos; no es un número de orden.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>No puede ser un valor negativo.</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>Debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>Choose an active staff member.</source>
        <translation>Elija un miembro del personal activo.</translation>
    </message>
    <message>
        <source>Choose an active customer.</source>
        <translation>Elija un cliente activo.</translation>
    </message>
    <message>
        <source>Already the order&apos;s customer.</source>
        <translation>Ya es el cliente del pedido.</translation>
    </message>
    <message>
        <source>An order cannot be a remake of itself.</source>
        <translation>Una orden no puede ser una repetición de sí misma.</translation>
    </message>
    <message>
        <source>Cannot be in the future.</source>
        <translation>No puede estar en el futuro.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La fecha de inicio es posterior a la fecha de fin.</translation>
    </message>
    <message>
        <source>Must be after the start.</source>
        <translation>Debe ser posterior al inicio.</translation>
    </message>
    <message>
        <source>At most {days} days at a time.</source>
        <translation>Como máximo {days} días a la vez.</translation>
    </message>
    <message>
        <source>Needs a time zone.</source>
        <translation>Necesita una zona horaria.</translation>
    </message>
    <message>
        <source>A date and time is required.</source>
        <translation>Se necesitan una fecha y una hora.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <source>Must be one of {choices}.</source>
        <translation>Debe ser uno de estos valores: {choices}.</translation>
    </message>
    <message>
        <source>Cannot sort by &apos;{value}&apos;.</source>
        <translation>No se puede ordenar por &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Choose a file to attach.</source>
        <translation>Elija un archivo para adjuntar.</translation>
    </message>
    <message>
        <source>Select at least one work order to print.</source>
        <translation>Seleccione al menos una orden de trabajo para imprimir.</translation>
    </message>
    <message>
        <source>Must differ from the current password.</source>
        <translation>Debe ser distinta de la contraseña actual.</translation>
    </message>
    <message>
        <source>Not correct.</source>
        <translation>No es correcto.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
    <message>
        <source>Cannot combine {first} and {second} amounts.</source>
        <translation>No se pueden combinar importes en {first} y en {second}.</translation>
    </message>
    <message>
        <source>{record} #{id} does not exist.</source>
        <translation>{record} n.º {id} no existe.</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>No existe la orden {number}.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} no existe.</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {problems}.</source>
        <translation>No se puede restaurar {path}: {problems}.</translation>
    </message>
    <message>
        <source>{path} is not a Dentasync Desktop database.</source>
        <translation>{path} no es una base de datos de Dentasync Desktop.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Dentasync Desktop; update the app first.</source>
        <translation>{path} se creó con una versión más reciente de Dentasync Desktop; actualice primero la aplicación.</translation>
    </message>
    <message>
        <source>Migration left {count} broken references.</source>
        <translation>La migración ha dejado {count} referencias rotas.</translation>
    </message>
    <message>
        <source>The migrations have {count} heads; expected one.</source>
        <translation>Las migraciones tienen {count} cabezas; se esperaba una.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate could not be verified: {reason}.</source>
        <translation>No se pudo verificar el certificado TLS del servidor: {reason}.</translation>
    </message>
    <message>
        <source>The server refused the connection: {reason}.</source>
        <translation>El servidor rechazó la conexión: {reason}.</translation>
    </message>
    <message>
        <source>Cannot connect to the database server {url}: {reason}.</source>
        <translation>No se puede conectar con el servidor de base de datos {url}: {reason}.</translation>
    </message>
    <message>
        <source>The database URL is not valid ({reason}). Expected {expected}.</source>
        <translation>La URL de la base de datos no es válida ({reason}). Se esperaba {expected}.</translation>
    </message>
    <message>
        <source>The database URL must start with {driver}://, not {given}://.</source>
        <translation>La URL de la base de datos debe empezar por {driver}://, no por {given}://.</translation>
    </message>
    <message>
        <source>The database URL {url} names no host or no database.</source>
        <translation>La URL de base de datos {url} no indica ningún host o ninguna base de datos.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a server name or address (e.g. clinic-server or 192.168.1.10).</source>
        <translation>«{value}» no es un nombre ni una dirección de servidor (p. ej. servidor-clinica o 192.168.1.10).</translation>
    </message>
    <message>
        <source>{tool} was not found on this PC; it is needed to back up or restore the database server (PostgreSQL {version}). Install PostgreSQL&apos;s client tools, version {version} or newer: on Windows or macOS with the installer from postgresql.org, on Debian or Ubuntu with &apos;sudo apt install postgresql-client-{version}&apos;. If they are installed elsewhere, set DENTASYNC_PG_BIN to their folder. Then try again.</source>
        <translation>No se encontró {tool} en este PC; hace falta para copiar o restaurar el servidor de base de datos (PostgreSQL {version}). Instale las herramientas cliente de PostgreSQL, versión {version} o posterior: en Windows o macOS con el instalador de postgresql.org, en Debian o Ubuntu con &apos;sudo apt install postgresql-client-{version}&apos;. Si están instaladas en otro sitio, indique su carpeta en DENTASYNC_PG_BIN. Después, vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{tool} at {path} is version {found}, older than the database server (PostgreSQL {version}). Install PostgreSQL&apos;s client tools, version {version} or newer (on Debian or Ubuntu: &apos;sudo apt install postgresql-client-{version}&apos;), then try again.</source>
        <translation>{tool} en {path} es la versión {found}, anterior a la del servidor de base de datos (PostgreSQL {version}). Instale las herramientas cliente de PostgreSQL, versión {version} o posterior (en Debian o Ubuntu: &apos;sudo apt install postgresql-client-{version}&apos;) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}.</source>
        <translation>{tool} falló: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a backup of a database server (a pg_dump archive, usually a .dump file).</source>
        <translation>{path} no es una copia de seguridad de un servidor de base de datos (un archivo de pg_dump, normalmente un archivo .dump).</translation>
    </message>
    <message>
        <source>There is no user called &apos;{name}&apos;.</source>
        <translation>No hay ningún usuario llamado &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a label size; choose {choices}.</source>
        <translation>&apos;{value}&apos; no es un tamaño de etiqueta; elija {choices}.</translation>
    </message>
    <message>
        <source>Unknown section &apos;{value}&apos;; choose from {choices}.</source>
        <translation>Sección desconocida &apos;{value}&apos;; elija entre {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a paper size; choose a4 or letter.</source>
        <translation>&apos;{value}&apos; no es un tamaño de papel; elija a4 o letter.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {choices}.</source>
        <translation>&apos;{value}&apos; no es ninguno de estos valores: {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an IBAN (a country code, 2 check digits, then the account in letters and digits).</source>
        <translation>&apos;{value}&apos; no es un IBAN (un código de país, 2 dígitos de control y luego la cuenta en letras y dígitos).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a country that uses IBANs.</source>
        <translation>&apos;{value}&apos; no es un país que use IBAN.</translation>
    </message>
    <message>
        <source>An IBAN from {country} has {length} characters, this one has {actual}.</source>
        <translation>Un IBAN de {country} tiene {length} caracteres; este tiene {actual}.</translation>
    </message>
    <message>
        <source>The check digits do not match; please check for typos.</source>
        <translation>Los dígitos de control no coinciden; compruebe si hay errores de escritura.</translation>
    </message>
    <message>
        <source>Does not have the form of an IBAN from {country}; please check for typos.</source>
        <translation>No tiene la forma de un IBAN de {country}; compruebe si hay errores de escritura.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX.</source>
        <translation>&apos;{value}&apos; no es un BIC: tiene 8 u 11 letras y dígitos, p. ej., COBADEFFXXX.</translation>
    </message>
    <message>
        <source>&apos;{country}&apos; in &apos;{value}&apos; is not a country code (letters 5 and 6 of a BIC name the bank&apos;s country).</source>
        <translation>&apos;{country}&apos; en &apos;{value}&apos; no es un código de país (las letras 5 y 6 de un BIC indican el país del banco).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a BIC: 4 letters for the bank, 2 for the country, 2 for the place, maybe 3 for the branch (e.g. COBADEFFXXX).</source>
        <translation>&apos;{value}&apos; no es un BIC: 4 letras para el banco, 2 para el país, 2 para la localidad y, opcionalmente, 3 para la sucursal (p. ej., COBADEFFXXX).</translation>
    </message>
    <message>
        <source>The plan amount must be greater than zero.</source>
        <translation>El importe del plan debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>More installments than the amount can be split into.</source>
        <translation>Más plazos de los que permite dividir el importe.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not exist (any more).</source>
        <translation>&apos;{name}&apos; no existe (o ya no existe).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be read: {reason}.</source>
        <translation>No se puede leer &apos;{name}&apos;: {reason}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a possible file name.</source>
        <translation>&apos;{name}&apos; no es un nombre de archivo posible.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a folder; choose a file.</source>
        <translation>&apos;{name}&apos; es una carpeta; elija un archivo.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an ordinary file.</source>
        <translation>&apos;{name}&apos; no es un archivo normal.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is too large ({size_mb} MB); the limit is {limit_mb} MB.</source>
        <translation>&apos;{name}&apos; es demasiado grande ({size_mb} MB); el límite es {limit_mb} MB.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was already removed.</source>
        <translation>&apos;{name}&apos; ya se había quitado.</translation>
    </message>
    <message>
        <source>Needs a date and time with a time zone.</source>
        <translation>Necesita una fecha y una hora con zona horaria.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of appointment.</source>
        <translation>&apos;{value}&apos; no es un tipo de cita.</translation>
    </message>
    <message>
        <source>The event is already done.</source>
        <translation>La cita ya está hecha.</translation>
    </message>
    <message>
        <source>The event is already open.</source>
        <translation>La cita ya está abierta.</translation>
    </message>
    <message>
        <source>At most {limit} per service.</source>
        <translation>Como máximo {limit} por servicio.</translation>
    </message>
    <message>
        <source>{record} {name} is already active.</source>
        <translation>{record} {name} ya está activo.</translation>
    </message>
    <message>
        <source>{record} {name} is already inactive.</source>
        <translation>{record} {name} ya está inactivo.</translation>
    </message>
    <message>
        <source>A dental lab named &apos;{name}&apos; already exists.</source>
        <translation>Ya existe un laboratorio dental llamado &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>A customer named &apos;{name}&apos; already exists.</source>
        <translation>Ya existe un cliente llamado &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>A customer named &apos;{name}&apos; at {clinic} already exists.</source>
        <translation>Ya existe un cliente llamado &apos;{name}&apos; en {clinic}.</translation>
    </message>
    <message>
        <source>The code &apos;{value}&apos; is already used by another service.</source>
        <translation>El código &apos;{value}&apos; ya lo usa otro servicio.</translation>
    </message>
    <message>
        <source>The page continues another sort order.</source>
        <translation>La página continúa otro criterio de ordenación.</translation>
    </message>
    <message>
        <source>At most {limit} items per order.</source>
        <translation>Como máximo {limit} trabajos por orden.</translation>
    </message>
    <message>
        <source>At most {limit} tasks per order.</source>
        <translation>Como máximo {limit} tareas por orden.</translation>
    </message>
    <message>
        <source>The order total {total} is too large (at most {maximum}).</source>
        <translation>El total de la orden, {total}, es demasiado grande (como máximo {maximum}).</translation>
    </message>
    <message>
        <source>Must be in the order currency {currency}.</source>
        <translation>Debe estar en la moneda de la orden, {currency}.</translation>
    </message>
    <message>
        <source>The total {total} would be below what is already paid ({paid}); void payments first.</source>
        <translation>El total {total} quedaría por debajo de lo ya pagado ({paid}); anule primero los pagos.</translation>
    </message>
    <message>
        <source>The total {total} would be below the payment plan ({plan}); change the plan first.</source>
        <translation>El total {total} quedaría por debajo del plan de pagos ({plan}); cambie primero el plan.</translation>
    </message>
    <message>
        <source>{record} is deactivated.</source>
        <translation>{record} está desactivado.</translation>
    </message>
    <message>
        <source>Cannot change while payments or a plan exist.</source>
        <translation>No se puede cambiar mientras existan pagos o un plan de pagos.</translation>
    </message>
    <message>
        <source>Payments or a plan exist in {currency}; void them first.</source>
        <translation>Existen pagos o un plan de pagos en {currency}; anúlelos primero.</translation>
    </message>
    <message>
        <source>The order is already on hold.</source>
        <translation>La orden ya está en espera.</translation>
    </message>
    <message>
        <source>The order is already not on hold.</source>
        <translation>La orden ya no está en espera.</translation>
    </message>
    <message>
        <source>{number} does not exist.</source>
        <translation>{number} no existe.</translation>
    </message>
    <message>
        <source>The file name contains a NUL character.</source>
        <translation>El nombre del archivo contiene un carácter NUL.</translation>
    </message>
    <message>
        <source>The file name contains characters that are not valid text.</source>
        <translation>El nombre del archivo contiene caracteres que no son texto válido.</translation>
    </message>
    <message>
        <source>The file name is too long; choose a shorter one.</source>
        <translation>El nombre del archivo es demasiado largo; elija uno más corto.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a {kind} file.</source>
        <translation>{path} es una carpeta; indique el nombre de un archivo {kind}.</translation>
    </message>
    <message>
        <source>Must be the order currency {currency}, not {given}.</source>
        <translation>Debe ser la moneda de la orden, {currency}, no {given}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a payment method.</source>
        <translation>&apos;{value}&apos; no es una forma de pago.</translation>
    </message>
    <message>
        <source>Cannot be more than the order total ({total}).</source>
        <translation>No puede ser mayor que el total de la orden ({total}).</translation>
    </message>
    <message>
        <source>The installments would fall after the year {year}.</source>
        <translation>Los plazos caerían después del año {year}.</translation>
    </message>
    <message>
        <source>The order has no payment plan.</source>
        <translation>La orden no tiene plan de pagos.</translation>
    </message>
    <message>
        <source>More than the balance ({balance}).</source>
        <translation>Más que el saldo pendiente ({balance}).</translation>
    </message>
    <message>
        <source>The order is already fully paid.</source>
        <translation>La orden ya está pagada por completo.</translation>
    </message>
    <message>
        <source>Was already voided: {reason}.</source>
        <translation>Ya estaba anulado: {reason}.</translation>
    </message>
    <message>
        <source>Must be days, weeks or months.</source>
        <translation>Debe ser días, semanas o meses.</translation>
    </message>
    <message>
        <source>Was finalized on {date} and is locked.</source>
        <translation>Se finalizó el {date} y está bloqueado.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a reminder.</source>
        <translation>&apos;{value}&apos; no es un recordatorio.</translation>
    </message>
    <message>
        <source>No dental lab is called &apos;{name}&apos; (the labs are: {labs}).</source>
        <translation>Ningún laboratorio dental se llama &apos;{name}&apos; (los laboratorios son: {labs}).</translation>
    </message>
    <message>
        <source>Must be a PNG or JPEG image (.png, .jpg or .jpeg).</source>
        <translation>Debe ser una imagen PNG o JPEG (.png, .jpg o .jpeg).</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>El archivo {path} no existe.</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} no es una imagen PNG o JPEG.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a preference key (letters, digits, dots, hyphens, underscores; at most 95 characters).</source>
        <translation>&apos;{value}&apos; no es una clave de preferencia (letras, dígitos, puntos, guiones y guiones bajos; como máximo 95 caracteres).</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}.</source>
        <translation>No se puede usar {path}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>No se puede leer {path}: {reason}.</translation>
    </message>
    <message>
        <source>Use 3 to 50 characters: letters a-z, digits, dots, hyphens or underscores.</source>
        <translation>Use de 3 a 50 caracteres: letras a-z, dígitos, puntos, guiones o guiones bajos.</translation>
    </message>
    <message>
        <source>Must be at least {minimum} characters long.</source>
        <translation>Debe tener al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a role (one of {choices}).</source>
        <translation>&apos;{value}&apos; no es un rol (uno de {choices}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is already taken.</source>
        <translation>&apos;{value}&apos; ya está en uso.</translation>
    </message>
    <message>
        <source>{username} is already active.</source>
        <translation>{username} ya está activo.</translation>
    </message>
    <message>
        <source>{username} is already deactivated.</source>
        <translation>{username} ya está desactivado.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator; make another user an administrator first.</source>
        <translation>{username} es el último administrador activo; haga antes administrador a otro usuario.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator.</source>
        <translation>{username} es el último administrador activo.</translation>
    </message>
    <message>
        <source>Nothing to plan: none of the order&apos;s services has task templates.</source>
        <translation>Nada que planificar: ninguno de los servicios de la orden tiene plantillas de tareas.</translation>
    </message>
    <message>
        <source>Nothing to plan: every template task is already in the work plan.</source>
        <translation>Nada que planificar: todas las tareas de las plantillas ya están en el plan de trabajo.</translation>
    </message>
    <message>
        <source>The task is already first.</source>
        <translation>La tarea ya es la primera.</translation>
    </message>
    <message>
        <source>The task is already last.</source>
        <translation>La tarea ya es la última.</translation>
    </message>
    <message>
        <source>The task is already where it is.</source>
        <translation>La tarea ya está en esa posición.</translation>
    </message>
    <message>
        <source>The task is already assigned to {name}.</source>
        <translation>La tarea ya está asignada a {name}.</translation>
    </message>
    <message>
        <source>The task is already unassigned.</source>
        <translation>La tarea ya está sin asignar.</translation>
    </message>
    <message>
        <source>The task is already done.</source>
        <translation>La tarea ya está hecha.</translation>
    </message>
    <message>
        <source>The task is already open.</source>
        <translation>La tarea ya está abierta.</translation>
    </message>
    <message>
        <source>the file is not an SQLite database</source>
        <translation>el archivo no es una base de datos SQLite</translation>
    </message>
    <message>
        <source>the header names an impossible page size ({page_size})</source>
        <translation>la cabecera indica un tamaño de página imposible ({page_size})</translation>
    </message>
    <message>
        <source>the file is cut short ({size} bytes of {expected})</source>
        <translation>el archivo está truncado ({size} bytes de {expected})</translation>
    </message>
    <message>
        <source>tables missing: {names}</source>
        <translation>faltan tablas: {names}</translation>
    </message>
    <message>
        <source>indexes missing: {names}</source>
        <translation>faltan índices: {names}</translation>
    </message>
    <message>
        <source>triggers missing: {names}</source>
        <translation>faltan disparadores: {names}</translation>
    </message>
    <message>
        <source>columns missing: {names}</source>
        <translation>faltan columnas: {names}</translation>
    </message>
    <message>
        <source>the database {path} does not exist yet</source>
        <translation>la base de datos {path} todavía no existe</translation>
    </message>
    <message>
        <source>folder missing: {path}</source>
        <translation>falta la carpeta: {path}</translation>
    </message>
    <message>
        <source>integrity: {problem}</source>
        <translation>integridad: {problem}</translation>
    </message>
    <message>
        <source>this is not a Dentasync Desktop database (no schema version)</source>
        <translation>no es una base de datos de Dentasync Desktop (sin versión de esquema)</translation>
    </message>
    <message>
        <source>schema is at {schema}, expected {head}</source>
        <translation>el esquema está en {schema}, se esperaba {head}</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>pagos</translation>
    </message>
    <message>
        <source>a payment plan</source>
        <translation>un plan de pagos</translation>
    </message>
    <message>
        <source>events</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>adjuntos</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>comentarios</translation>
    </message>
    <message>
        <source>payroll records</source>
        <translation>registros de nómina</translation>
    </message>
    <message>
        <source>work-plan tasks done</source>
        <translation>tareas del plan de trabajo hechas</translation>
    </message>
    <message>
        <source>copies or remakes</source>
        <translation>copias o repeticiones</translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} y %n más</numerusform>
            <numerusform>{numbers} y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose stored paid amount disagrees with their payments: {numbers}</source>
        <translation>
            <numerusform>%n orden de trabajo cuyo importe pagado guardado no coincide con sus pagos: {numbers}</numerusform>
            <numerusform>%n órdenes de trabajo cuyo importe pagado guardado no coincide con sus pagos: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose payments are in another currency: {numbers}</source>
        <translation>
            <numerusform>%n orden de trabajo cuyos pagos están en otra moneda: {numbers}</numerusform>
            <numerusform>%n órdenes de trabajo cuyos pagos están en otra moneda: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of {table} refer to {parent} rows that do not exist</source>
        <translation>
            <numerusform>%n fila de {table} hace referencia a filas de {parent} que no existen</numerusform>
            <numerusform>%n filas de {table} hacen referencia a filas de {parent} que no existen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno todavía</translation>
    </message>
    <message>
        <source>{action} is not possible for an order that is {status}.</source>
        <translation>«{action}» no es posible para una orden en estado «{status}».</translation>
    </message>
    <message>
        <source>The order is on hold: take it off hold first.</source>
        <translation>La orden está en espera: quítela de espera primero.</translation>
    </message>
    <message>
        <source>Only a draft can be deleted; this order is {status}: cancel it instead.</source>
        <translation>Solo se puede eliminar un borrador; esta orden está en estado «{status}»: cancélela en su lugar.</translation>
    </message>
    <message>
        <source>The order already has {kept}: cancel it instead of deleting it.</source>
        <translation>La orden ya tiene {kept}: cancélela en lugar de eliminarla.</translation>
    </message>
    <message>
        <source>The order has no items and a total of 0.00: add what the lab should make before publishing it.</source>
        <translation>La orden no tiene trabajos y su total es 0,00: añada lo que debe hacer el laboratorio antes de publicarla.</translation>
    </message>
    <message numerus="yes">
        <source>%n work-plan task(s) still open ({tasks}); tick them done first.</source>
        <translation>
            <numerusform>%n tarea del plan de trabajo sigue pendiente ({tasks}); márquela como hecha primero.</numerusform>
            <numerusform>%n tareas del plan de trabajo siguen pendientes ({tasks}); márquelas como hechas primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>The order is {status}, not delivered: there is no delivery to undo.</source>
        <translation>La orden está en estado «{status}», no entregada: no hay ninguna entrega que deshacer.</translation>
    </message>
    <message numerus="yes">
        <source>%n other connection(s) are open to the database {database}: Dentasync Desktop on other PCs, or another program. Close the app on the other PCs, then restore again. Nothing was changed.</source>
        <translation>
            <numerusform>Hay %n conexión más abierta a la base de datos {database}: Dentasync Desktop en otros PC u otro programa. Cierre la aplicación en los demás PC y vuelva a restaurar. No se ha cambiado nada.</numerusform>
            <numerusform>Hay %n conexiones más abiertas a la base de datos {database}: Dentasync Desktop en otros PC u otro programa. Cierre la aplicación en los demás PC y vuelva a restaurar. No se ha cambiado nada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{currency} allows at most %n decimal place(s).</source>
        <translation>
            <numerusform>{currency} admite como máximo %n decimal.</numerusform>
            <numerusform>{currency} admite como máximo %n decimales.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>account holder</source>
        <translation>titular de la cuenta</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importe</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>adjunto</translation>
    </message>
    <message>
        <source>bank name</source>
        <translation>nombre del banco</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lote</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation>clínica</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>persona de contacto</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>moneda</translation>
    </message>
    <message>
        <source>current password</source>
        <translation>contraseña actual</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>date from</source>
        <translation>fecha desde</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>date to</source>
        <translation>fecha hasta</translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>default turnaround days</source>
        <translation>tiempo de ejecución predeterminado (días)</translation>
    </message>
    <message>
        <source>dental lab</source>
        <translation>laboratorio dental</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>document language</source>
        <translation>idioma de los documentos</translation>
    </message>
    <message>
        <source>documented date</source>
        <translation>fecha de documentación</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>fecha de entrega</translation>
    </message>
    <message>
        <source>due from</source>
        <translation>entrega desde</translation>
    </message>
    <message>
        <source>due to</source>
        <translation>entrega hasta</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duración</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de datos</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>empleado</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>first due date</source>
        <translation>primer vencimiento</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>nombre completo</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>espera</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>idle lock</source>
        <translation>bloqueo por inactividad</translation>
    </message>
    <message>
        <source>installments</source>
        <translation>plazos</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>intervalo</translation>
    </message>
    <message>
        <source>interval unit</source>
        <translation>unidad del intervalo</translation>
    </message>
    <message>
        <source>items</source>
        <translation>trabajos</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>cargo</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clave</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>laboratorio</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>apellidos</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>límite</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>logotipo</translation>
    </message>
    <message>
        <source>method</source>
        <translation>forma de pago</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>nueva contraseña</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>desplazamiento</translation>
    </message>
    <message>
        <source>order</source>
        <translation>orden</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>órdenes</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>fecha de pago</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>papel</translation>
    </message>
    <message>
        <source>paper size</source>
        <translation>tamaño del papel</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>pago</translation>
    </message>
    <message>
        <source>payment note</source>
        <translation>nota del pago</translation>
    </message>
    <message>
        <source>payment plan</source>
        <translation>plan de pagos</translation>
    </message>
    <message>
        <source>payroll record</source>
        <translation>registro de nómina</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>port</source>
        <translation>puerto</translation>
    </message>
    <message>
        <source>position</source>
        <translation>posición</translation>
    </message>
    <message>
        <source>price</source>
        <translation>precio</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>remake of</source>
        <translation>repetición de</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>recordatorio</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>search</source>
        <translation>búsqueda</translation>
    </message>
    <message>
        <source>seat-readiness days</source>
        <translation>días de aviso de caso no devuelto</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>secciones</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>color</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>snooze</source>
        <translation>posponer</translation>
    </message>
    <message>
        <source>sort</source>
        <translation>orden de clasificación</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>start page</source>
        <translation>página inicial</translation>
    </message>
    <message>
        <source>task name</source>
        <translation>nombre de la tarea</translation>
    </message>
    <message>
        <source>task templates</source>
        <translation>plantillas de tareas</translation>
    </message>
    <message>
        <source>time period</source>
        <translation>periodo</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>modo TLS</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>número de seguimiento</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vista</translation>
    </message>
    <message>
        <source>work plan</source>
        <translation>plan de trabajo</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>An open work order</source>
        <translation>Una orden de trabajo abierta</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratorios dentales</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Servicios y precios</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Personal y usuarios</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Scanning and check-in</source>
        <translation>Escaneo y registro de llegadas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every command of the menus with its keys:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Todos los comandos de los menús con sus teclas:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>labs</name>
    <message>
        <source>Edit dental lab</source>
        <translation>Editar laboratorio dental</translation>
    </message>
    <message>
        <source>New dental lab</source>
        <translation>Nuevo laboratorio dental</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Persona de contacto:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>A new order&apos;s due date is its documented date plus this</source>
        <translation>La fecha de entrega de una orden nueva es su fecha de documentación más este plazo</translation>
    </message>
    <message>
        <source>&amp;Turnaround:</source>
        <translation>Tiempo de e&amp;jecución:</translation>
    </message>
    <message>
        <source>As the app</source>
        <translation>Como la aplicación</translation>
    </message>
    <message>
        <source>The language of this lab&apos;s order forms, box labels and payment instructions</source>
        <translation>El idioma de los formularios de orden, las etiquetas de caja y las instrucciones de pago de este laboratorio</translation>
    </message>
    <message>
        <source>&amp;Documents in:</source>
        <translation>Idioma de los docu&amp;mentos:</translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation>Instrucciones de pago</translation>
    </message>
    <message>
        <source>Account &amp;holder:</source>
        <translation>Tit&amp;ular de la cuenta:</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>&amp;Banco:</translation>
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
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>The payment QR code carries only the first {limit} characters of this name: banking apps will show “{shown}”. A shorter account holder avoids it.</source>
        <translation>El código QR de pago solo incluye los primeros {limit} caracteres de este nombre: las aplicaciones bancarias mostrarán «{shown}». Un titular más corto lo evita.</translation>
    </message>
    <message>
        <source>dental lab</source>
        <translation>laboratorio dental</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Persona de contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Turnaround</source>
        <translation>Tiempo de ejecución</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} días</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratorios dentales</translation>
    </message>
    <message>
        <source>The labs that make the work. The turnaround sets a new order&apos;s due date; the bank details appear in the order&apos;s payment instructions.</source>
        <translation>Los laboratorios que hacen los trabajos. El tiempo de ejecución fija la fecha de entrega de una orden nueva; los datos bancarios aparecen en las instrucciones de pago de la orden.</translation>
    </message>
</context>
<context>
    <name>maintenance</name>
    <message>
        <source>another process</source>
        <translation>otro proceso</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzas</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratorios dentales</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Servicios y precios</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Personal y usuarios</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Print order form…</source>
        <translation>&amp;Imprimir formulario de orden…</translation>
    </message>
    <message>
        <source>Print box &amp;label…</source>
        <translation>Imprimir &amp;etiqueta de caja…</translation>
    </message>
    <message>
        <source>Print payment &amp;instructions…</source>
        <translation>Imprimir instrucciones de &amp;pago…</translation>
    </message>
</context>
<context>
    <name>patients</name>
    <message>
        <source>Edit patient</source>
        <translation>Editar paciente</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <source>known</source>
        <translation>conocida</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Persona de contacto:</translation>
    </message>
    <message>
        <source>e.g. a parent or carer</source>
        <translation>p. ej., un familiar o cuidador</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Persona de contacto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>The patients the work is for. Search by name, phone or note.</source>
        <translation>Los pacientes para los que se hacen los trabajos. Busque por nombre, teléfono o nota.</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Edit staff member</source>
        <translation>Editar miembro del personal</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Nuevo miembro del personal</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Cargo:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>miembro del personal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Editar usuario</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(deactivated staff member)</source>
        <translation>(miembro del personal desactivado)</translation>
    </message>
    <message>
        <source>Links the account to a staff member, for work-plan tasks</source>
        <translation>Vincula la cuenta a un miembro del personal, para las tareas del plan de trabajo</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>Miembro del &amp;personal:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>R&amp;epetir contraseña:</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({user}).</source>
        <translation>Establezca una nueva contraseña para {name} ({user}).</translation>
    </message>
    <message>
        <source>Repeat password: the two passwords differ.</source>
        <translation>Repetir contraseña: las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The password of {user} was reset. Tell them the new one.</source>
        <translation>Se ha restablecido la contraseña de {user}. Comuníquele la nueva.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Cuentas de usuario</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Personal y usuarios</translation>
    </message>
    <message>
        <source>Staff are the people work-plan tasks and payroll are assigned to; user accounts sign in, each with a role that decides what they may do.</source>
        <translation>El personal lo forman las personas a las que se asignan las tareas del plan de trabajo y la nómina; las cuentas de usuario sirven para iniciar sesión, cada una con un rol que decide lo que puede hacer.</translation>
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
        <translation>Carta EE. UU.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer}.</source>
        <translation>
            <numerusform>Se ha enviado %n página a {printer}.</numerusform>
            <numerusform>Se han enviado %n páginas a {printer}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <source>Barcode and QR code</source>
        <translation>Código de barras y código QR</translation>
    </message>
    <message>
        <source>Customer, patient and dental lab</source>
        <translation>Cliente, paciente y laboratorio dental</translation>
    </message>
    <message>
        <source>Teeth diagram</source>
        <translation>Esquema dental</translation>
    </message>
    <message>
        <source>Items and services</source>
        <translation>Trabajos y servicios</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Precios</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de trabajo</translation>
    </message>
    <message>
        <source>Description and notes</source>
        <translation>Descripción y notas</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Signature and date lines</source>
        <translation>Líneas de firma y fecha</translation>
    </message>
    <message>
        <source>Print order form {number}</source>
        <translation>Imprimir el formulario de orden {number}</translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation>Tamaño de la etiqueta:</translation>
    </message>
    <message>
        <source>Print box label {number}</source>
        <translation>Imprimir la etiqueta de caja {number}</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Payment instructions {number}</source>
        <translation>Instrucciones de pago {number}</translation>
    </message>
    <message>
        <source>Print order forms</source>
        <translation>Imprimir formularios de orden</translation>
    </message>
    <message>
        <source>Select the work orders to print first.</source>
        <translation>Seleccione primero las órdenes de trabajo que desea imprimir.</translation>
    </message>
    <message numerus="yes">
        <source>Print %n order form(s)</source>
        <translation>
            <numerusform>Imprimir %n formulario de orden</numerusform>
            <numerusform>Imprimir %n formularios de orden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dentro de %n día</numerusform>
            <numerusform>dentro de %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Case not back: {kind} {when} (the order is {status})</source>
        <translation>Caso no devuelto: {kind} {when} (estado de la orden: {status})</translation>
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
        <translation>{order}: {status}</translation>
    </message>
    <message>
        <source>Case not back: {kind} on {day}: {patient}</source>
        <translation>Caso no devuelto: {kind} el {day}: {patient}</translation>
    </message>
    <message>
        <source>Due tomorrow, not back from the lab: {patient}</source>
        <translation>Entrega mañana, no devuelto por el laboratorio: {patient}</translation>
    </message>
    <message>
        <source>Installment due today: {patient}</source>
        <translation>Plazo que vence hoy: {patient}</translation>
    </message>
    <message>
        <source>{order}: {amount} to pay</source>
        <translation>{order}: {amount} por pagar</translation>
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
        <translation>Día</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratorio dental</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>order {status}</source>
        <translation>orden: {status}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>No hay citas.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n orden de trabajo</numerusform>
            <numerusform>%n órdenes de trabajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s)</source>
        <translation>
            <numerusform>%n laboratorio</numerusform>
            <numerusform>%n laboratorios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n cita</numerusform>
            <numerusform>%n citas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>No work orders match these filters.</source>
        <translation>Ninguna orden de trabajo coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No labs match these filters.</source>
        <translation>Ningún laboratorio coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No appointments match these filters.</source>
        <translation>Ninguna cita coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No rows match these filters.</source>
        <translation>Ninguna fila coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Generated: {when}</source>
        <translation>Generado: {when}</translation>
    </message>
    <message>
        <source>Total {currency} ({count})</source>
        <translation>Total {currency} ({count})</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratorios dentales</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <source>Finance report</source>
        <translation>Informe financiero</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded.</source>
        <translation>Las órdenes canceladas no se incluyen.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Estado del pago</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Documentada</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Time period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>desde {start}</translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation>hasta {end}</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>La exportación se ha cancelado; no se ha escrito ningún archivo.</translation>
    </message>
    <message>
        <source>Lab scorecard</source>
        <translation>Evaluación de laboratorios</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded. Turnaround: sent to the lab to delivered, in days (to a quarter day); on time: delivered on or before the due date.</source>
        <translation>Las órdenes canceladas no se incluyen. Tiempo de ejecución: desde el envío al laboratorio hasta la entrega, en días (redondeado a un cuarto de día); a tiempo: entregada en la fecha de entrega o antes.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregadas</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Días (mediana)</translation>
    </message>
    <message>
        <source>90% days</source>
        <translation>Días (90 %)</translation>
    </message>
    <message>
        <source>Remakes</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>Remake rate</source>
        <translation>Tasa de repet.</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Retraso medio</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Days after start</source>
        <translation>Días tras el inicio</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Añadir tarea</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Edit service</source>
        <translation>Editar servicio</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Nuevo servicio</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Unit price:</source>
        <translation>&amp;Precio unitario:</translation>
    </message>
    <message>
        <source>&amp;Work-plan tasks:</source>
        <translation>&amp;Tareas del plan de trabajo:</translation>
    </message>
    <message>
        <source>service</source>
        <translation>servicio</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Work-plan tasks</source>
        <translation>Tareas del plan de trabajo</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Servicios y precios</translation>
    </message>
    <message>
        <source>The price list. A service&apos;s tasks become the work plan when an order&apos;s work is planned automatically.</source>
        <translation>La lista de precios. Las tareas de un servicio pasan a ser el plan de trabajo cuando el trabajo de una orden se planifica automáticamente.</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Dentasync Desktop cannot start</source>
        <translation>Dentasync Desktop no puede iniciarse</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Los detalles se han escrito en el archivo de registro:
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
        <translation>{what} (hecha)</translation>
    </message>
    <message numerus="yes">
        <source>{status}, due %n day(s) ago</source>
        <translation>
            <numerusform>{status}, entrega vencida hace %n día</numerusform>
            <numerusform>{status}, entrega vencida hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>{what}, tracking {number}</source>
        <translation>{what}, seguimiento {number}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>vence hoy</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>vencido hace %n día</numerusform>
            <numerusform>vencido hace %n días</numerusform>
        </translation>
    </message>
</context>
</TS>
