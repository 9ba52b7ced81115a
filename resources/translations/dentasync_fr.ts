<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ActivityFeedModel</name>
    <message>
        <source>Activity</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Avant → après</translation>
    </message>
</context>
<context>
    <name>ActivityTab</name>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>{count} entries, newest first</source>
        <translation>{count} entrées, les plus récentes en premier</translation>
    </message>
</context>
<context>
    <name>AdjustPriceDialog</name>
    <message>
        <source>Adjust price</source>
        <translation>Ajuster le prix</translation>
    </message>
    <message>
        <source>The order total is now {total}.</source>
        <translation>Le total de la commande est actuellement de {total}.</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>Nouveau total</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign “{task}”</source>
        <translation>Assigner «&#xa0;{task}&#xa0;»</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Tip: drop files here to attach them.</source>
        <translation>Astuce&#xa0;: déposez des fichiers ici pour les joindre.</translation>
    </message>
    <message>
        <source>Select an attachment first</source>
        <translation>Sélectionnez d’abord une pièce jointe</translation>
    </message>
    <message>
        <source>Copy files into the order</source>
        <translation>Copier des fichiers dans la commande</translation>
    </message>
    <message>
        <source>Open with the system viewer</source>
        <translation>Ouvrir avec la visionneuse du système</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Retirer la pièce jointe</translation>
    </message>
    <message>
        <source>Remove “{name}” from the order?</source>
        <translation>Retirer «&#xa0;{name}&#xa0;» de la commande&#xa0;?</translation>
    </message>
</context>
<context>
    <name>BatchProgress</name>
    <message>
        <source>Print order forms</source>
        <translation>Imprimer les bons de commande</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n work order(s)…</source>
        <translation>
            <numerusform>Lecture de %n commande…</numerusform>
            <numerusform>Lecture de %n commandes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n order form(s)…</source>
        <translation>
            <numerusform>Mise en page de %n bon de commande…</numerusform>
            <numerusform>Mise en page de %n bons de commande…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>&amp;Today</source>
        <translation>A&amp;ujourd’hui</translation>
    </message>
    <message>
        <source>Go to today (Alt+Home)</source>
        <translation>Aller à aujourd’hui (Alt+Home)</translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation>Précédent (Alt+Left)</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>Suivant (Alt+Right)</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>Aller à une date</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Nouvel événement…</translation>
    </message>
    <message>
        <source>Schedule an appointment for an order (or double-click an empty slot)</source>
        <translation>Planifier un rendez-vous pour une commande (ou double-cliquer sur un créneau libre)</translation>
    </message>
    <message>
        <source>Print agenda…</source>
        <translation>Imprimer l’agenda…</translation>
    </message>
    <message>
        <source>The agenda of the day, week or month shown, with the filters in force, as a PDF</source>
        <translation>L’agenda du jour, de la semaine ou du mois affiché, avec les filtres en vigueur, au format PDF</translation>
    </message>
    <message>
        <source>Search order number, patient, lab, note</source>
        <translation>N° de commande, patient, laboratoire, note</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Show only some types of appointment</source>
        <translation>N’afficher que certains types de rendez-vous</translation>
    </message>
    <message>
        <source>All labs</source>
        <translation>Tous les laboratoires</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Seulement les miens</translation>
    </message>
    <message>
        <source>Only events I scheduled</source>
        <translation>Seulement les événements que j’ai planifiés</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <source>Show orders&apos; due dates as all-day items</source>
        <translation>Afficher les échéances des commandes comme des éléments sur toute la journée</translation>
    </message>
    <message>
        <source>Appointments by hour</source>
        <translation>Rendez-vous par heure</translation>
    </message>
    <message>
        <source>Days and due dates</source>
        <translation>Jours et échéances</translation>
    </message>
    <message>
        <source>Appointments of the month</source>
        <translation>Rendez-vous du mois</translation>
    </message>
    <message>
        <source>Case not back from the lab</source>
        <translation>Cas non revenu du laboratoire</translation>
    </message>
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
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) due</source>
        <translation>
            <numerusform>%n commande à échéance</numerusform>
            <numerusform>%n commandes à échéance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) not back from the lab</source>
        <translation>
            <numerusform>%n cas non revenu du laboratoire</numerusform>
            <numerusform>%n cas non revenus du laboratoire</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>Moved the {kind} of {number} to {when}.</source>
        <translation>Événement ({kind}) de {number} déplacé au {when}.</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Ajouter un événement</translation>
    </message>
    <message>
        <source>Added a {kind} to {number}.</source>
        <translation>Événement ({kind}) ajouté à {number}.</translation>
    </message>
    <message>
        <source>Edit time</source>
        <translation>Modifier l’horaire</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Open order {number}</source>
        <translation>Ouvrir la commande {number}</translation>
    </message>
    <message>
        <source>Edit time…</source>
        <translation>Modifier l’horaire…</translation>
    </message>
    <message>
        <source>New event here…</source>
        <translation>Nouvel événement ici…</translation>
    </message>
    <message>
        <source>Print agenda</source>
        <translation>Imprimer l’agenda</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mot de passe &amp;actuel&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Répéter le nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat new password: the two passwords differ.</source>
        <translation>Répéter le nouveau mot de passe&#xa0;: les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Check &amp;in scanned orders</source>
        <translation>&amp;Réceptionner les commandes scannées</translation>
    </message>
    <message>
        <source>While on, each scanned box label marks its Shipped order Delivered.</source>
        <translation>Tant que ce mode est actif, chaque étiquette de boîte scannée fait passer sa commande de «&#xa0;Expédiée&#xa0;» à «&#xa0;Livrée&#xa0;».</translation>
    </message>
    <message>
        <source>  Check-in mode: scan box labels · Esc ends  </source>
        <translation>  Mode réception&#xa0;: scannez les étiquettes de boîte · Esc pour terminer  </translation>
    </message>
    <message>
        <source>Check-in mode on: scan the box labels of the cases that came back. Esc ends it.</source>
        <translation>Mode réception activé&#xa0;: scannez les étiquettes de boîte des cas revenus. Esc pour terminer.</translation>
    </message>
    <message>
        <source>Check-in mode ended.</source>
        <translation>Mode réception terminé.</translation>
    </message>
    <message>
        <source> — check-in mode</source>
        <translation> — mode réception</translation>
    </message>
    <message>
        <source>{number} ({patient}) checked in: delivered.</source>
        <translation>{number} ({patient}) réceptionnée&#xa0;: livrée.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Check-in undone: {number} is shipped again.</source>
        <translation>Réception annulée&#xa0;: {number} est de nouveau expédiée.</translation>
    </message>
    <message>
        <source>Not checked in: {reason}</source>
        <translation>Non réceptionnée&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>CommentsFeedModel</name>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
</context>
<context>
    <name>CommentsModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>edited {when}</source>
        <translation>modifié le {when}</translation>
    </message>
</context>
<context>
    <name>CommentsTab</name>
    <message>
        <source>Edit selected…</source>
        <translation>Modifier la sélection…</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter adds it)</source>
        <translation>Écrire un commentaire… (Ctrl+Enter pour l’ajouter)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
    <message>
        <source>Add the comment (Ctrl+Enter)</source>
        <translation>Ajouter le commentaire (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Select one of your comments first</source>
        <translation>Sélectionnez d’abord un de vos commentaires</translation>
    </message>
    <message>
        <source>Only its author can edit a comment</source>
        <translation>Seul son auteur peut modifier un commentaire</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Modifier le commentaire</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Change customer</source>
        <translation>Changer de client</translation>
    </message>
    <message>
        <source>Current customer: {name}</source>
        <translation>Client actuel&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Type a name or clinic…</source>
        <translation>Saisissez un nom ou un cabinet…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
</context>
<context>
    <name>DatabaseSection</name>
    <message>
        <source>disable: never</source>
        <translation>disable&#xa0;: jamais</translation>
    </message>
    <message>
        <source>allow: when the server insists</source>
        <translation>allow&#xa0;: si le serveur l’exige</translation>
    </message>
    <message>
        <source>prefer: when the server offers it</source>
        <translation>prefer&#xa0;: si le serveur le propose</translation>
    </message>
    <message>
        <source>require: always</source>
        <translation>require&#xa0;: toujours</translation>
    </message>
    <message>
        <source>verify-ca: always, checking the certificate&apos;s authority</source>
        <translation>verify-ca&#xa0;: toujours, en vérifiant l’autorité du certificat</translation>
    </message>
    <message>
        <source>verify-full: always, checking the certificate and the server name</source>
        <translation>verify-full&#xa0;: toujours, en vérifiant le certificat et le nom du serveur</translation>
    </message>
    <message>
        <source>The Dentasync data there is up to date.</source>
        <translation>Les données Dentasync y sont à jour.</translation>
    </message>
    <message>
        <source>The database is empty: Dentasync Desktop sets it up at its first start on it.</source>
        <translation>La base de données est vide&#xa0;: Dentasync Desktop la prépare à son premier démarrage sur celle-ci.</translation>
    </message>
    <message>
        <source>It holds Dentasync data of an earlier version, upgraded at the next start.</source>
        <translation>Elle contient des données Dentasync d’une version antérieure, mises à jour au prochain démarrage.</translation>
    </message>
    <message>
        <source>Its Dentasync data was written by a newer version: update Dentasync Desktop on this PC first.</source>
        <translation>Ses données Dentasync viennent d’une version plus récente&#xa0;: mettez d’abord à jour Dentasync Desktop sur ce PC.</translation>
    </message>
    <message>
        <source>It holds other tables but no Dentasync data: choose an empty database or the clinic&apos;s one.</source>
        <translation>Elle contient d’autres tables mais aucune donnée Dentasync&#xa0;: choisissez une base vide ou celle du cabinet.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>&amp;Cet ordinateur</translation>
    </message>
    <message>
        <source>Clinic se&amp;rver (PostgreSQL)</source>
        <translation>Se&amp;rveur du cabinet (PostgreSQL)</translation>
    </message>
    <message>
        <source>e.g. clinic-server or 192.168.1.10</source>
        <translation>p. ex. serveur-cabinet ou 192.168.1.10</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Save database choice</source>
        <translation>Enregistrer le choix de la base</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;LS mode:</source>
        <translation>Mode T&amp;LS&#xa0;:</translation>
    </message>
    <message>
        <source>Empty: keep the password already kept for this server</source>
        <translation>Vide&#xa0;: garder le mot de passe déjà conservé pour ce serveur</translation>
    </message>
    <message>
        <source>In use now: the clinic server {host}.</source>
        <translation>Utilisé maintenant&#xa0;: le serveur du cabinet {host}.</translation>
    </message>
    <message>
        <source>In use now: this computer&apos;s file.</source>
        <translation>Utilisé maintenant&#xa0;: le fichier de cet ordinateur.</translation>
    </message>
    <message>
        <source>The environment variable DENTASYNC_DATABASE_URL chooses the database on this computer; what is saved here applies once it is removed.</source>
        <translation>La variable d’environnement DENTASYNC_DATABASE_URL choisit la base sur cet ordinateur&#xa0;; ce qui est enregistré ici s’applique une fois qu’elle est supprimée.</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>Connexion à {host}…</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Connecté&#xa0;: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>Use this computer&apos;s own database file from the next start?

{path}

The clinic server keeps its data, but this PC no longer sees it; the file holds only what was entered on this PC before.</source>
        <translation>Utiliser le fichier de base de données de cet ordinateur à partir du prochain démarrage&#xa0;?

{path}

Le serveur du cabinet garde ses données, mais ce PC ne les voit plus&#xa0;; le fichier ne contient que ce qui a été saisi auparavant sur ce PC.</translation>
    </message>
    <message>
        <source>Use the clinic server {host} (database {database}) from the next start?

This PC then works with the server&apos;s data; the data in this computer&apos;s file stays in the file but is not shown while the server is used.</source>
        <translation>Utiliser le serveur du cabinet {host} (base {database}) à partir du prochain démarrage&#xa0;?

Ce PC travaille alors avec les données du serveur&#xa0;; les données du fichier de cet ordinateur restent dans le fichier mais ne sont pas affichées tant que le serveur est utilisé.</translation>
    </message>
    <message>
        <source>Switch the database</source>
        <translation>Changer de base de données</translation>
    </message>
    <message>
        <source>Password not kept</source>
        <translation>Mot de passe non conservé</translation>
    </message>
    <message>
        <source>The server was saved, but this computer has no keyring to keep its password in (Windows Credential Manager, the macOS Keychain or a Secret Service such as GNOME Keyring). Set the environment variable DENTASYNC_DATABASE_PASSWORD to the password for the user who starts Dentasync Desktop; it is never written to a file.</source>
        <translation>Le serveur a été enregistré, mais cet ordinateur n’a pas de trousseau pour conserver son mot de passe (Gestionnaire d’identification Windows, trousseau macOS ou un Secret Service comme GNOME Keyring). Définissez la variable d’environnement DENTASYNC_DATABASE_PASSWORD avec le mot de passe pour l’utilisateur qui lance Dentasync Desktop&#xa0;; il n’est jamais écrit dans un fichier.</translation>
    </message>
    <message>
        <source>the clinic server {host}</source>
        <translation>le serveur du cabinet {host}</translation>
    </message>
    <message>
        <source>this computer&apos;s file</source>
        <translation>le fichier de cet ordinateur</translation>
    </message>
    <message>
        <source>Saved. Dentasync Desktop uses {where} from its next start.</source>
        <translation>Enregistré. Dentasync Desktop utilise {where} à partir de son prochain démarrage.</translation>
    </message>
    <message>
        <source>Restart needed</source>
        <translation>Redémarrage nécessaire</translation>
    </message>
    <message>
        <source>Saved. Dentasync Desktop switches to {where} when it is next started.

Restart it now?</source>
        <translation>Enregistré. Dentasync Desktop passe à {where} au prochain démarrage.

Redémarrer maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>Database choice saved.</source>
        <translation>Choix de la base enregistré.</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <source>Update due date</source>
        <translation>Modifier l’échéance</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
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
        <translation> min avant</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Aucun rappel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>{time} before</source>
        <translation>{time} avant</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer comme fait</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Select an event first</source>
        <translation>Sélectionnez d’abord un événement</translation>
    </message>
    <message>
        <source>Mark not done</source>
        <translation>Marquer comme non fait</translation>
    </message>
    <message>
        <source>Schedule a try-in, delivery, pick-up…</source>
        <translation>Planifier un essayage, une livraison, une collecte…</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Ajouter un événement</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Modifier l’événement</translation>
    </message>
    <message>
        <source>Saved. Note: {warning}. Check with the lab before the appointment.</source>
        <translation>Enregistré. Attention&#xa0;: {warning}. Vérifiez auprès du laboratoire avant le rendez-vous.</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Supprimer l’événement</translation>
    </message>
    <message>
        <source>Delete the {kind} on {when}?</source>
        <translation>Supprimer l’événement ({kind}) du {when}&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Generate report</source>
        <translation>Générer un rapport</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
    <message>
        <source>Finishing {name}…</source>
        <translation>Finalisation de {name}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>FinanceModel</name>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Statut du paiement</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Date de commande</translation>
    </message>
    <message>
        <source>Show the work orders of {lab}</source>
        <translation>Afficher les commandes de {lab}</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for other programs (*.csv)</source>
        <translation>CSV pour d’autres logiciels (*.csv)</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Ce trimestre</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>All payment methods</source>
        <translation>Tous les modes de paiement</translation>
    </message>
    <message>
        <source>All payment statuses</source>
        <translation>Tous les statuts de paiement</translation>
    </message>
    <message>
        <source>Generate report…</source>
        <translation>Générer un rapport…</translation>
    </message>
    <message>
        <source>Save the tab on show, with these filters, as an Excel, PDF or CSV file</source>
        <translation>Enregistrer l’onglet affiché, avec ces filtres, dans un fichier Excel, PDF ou CSV</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Statut du paiement</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded from all figures.</source>
        <translation>Les commandes annulées sont exclues de tous les chiffres.</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratoires dentaires</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Lab scorecard</source>
        <translation>Évaluation des laboratoires</translation>
    </message>
    <message>
        <source>All dental labs</source>
        <translation>Tous les laboratoires</translation>
    </message>
    <message>
        <source>The payment status filter applies to the Work orders tab</source>
        <translation>Le filtre de statut du paiement s’applique à l’onglet Commandes</translation>
    </message>
    <message>
        <source>The lab scorecard does not depend on the payment method</source>
        <translation>L’évaluation des laboratoires ne dépend pas du mode de paiement</translation>
    </message>
    <message>
        <source>No work orders match these filters.</source>
        <translation>Aucune commande ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Counting work orders…</source>
        <translation>Comptage des commandes…</translation>
    </message>
    <message>
        <source>1 work order</source>
        <translation>1 commande</translation>
    </message>
    <message>
        <source>{count} work orders</source>
        <translation>{count} commandes</translation>
    </message>
    <message>
        <source>Generate report</source>
        <translation>Générer un rapport</translation>
    </message>
    <message>
        <source>Report saved: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</source>
        <translation>Rapport enregistré&#xa0;: &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>Rapport annulé&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create administrator — Dentasync Desktop</source>
        <translation>Créer l’administrateur — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nom &amp;complet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Répéter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Créer l’administrateur</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Welcome to Dentasync Desktop</source>
        <translation>Bienvenue dans Dentasync Desktop</translation>
    </message>
    <message>
        <source>No administrator</source>
        <translation>Aucun administrateur</translation>
    </message>
    <message>
        <source>This is the first start. Create the administrator account; the administrator then adds the accounts of the other users.</source>
        <translation>Premier démarrage. Créez le compte administrateur&#xa0;; l’administrateur ajoute ensuite les comptes des autres utilisateurs.</translation>
    </message>
    <message>
        <source>This database has no active administrator, so nobody can manage the user accounts. Create an administrator account to continue.</source>
        <translation>Cette base de données n’a aucun administrateur actif&#xa0;: personne ne peut donc gérer les comptes utilisateurs. Créez un compte administrateur pour continuer.</translation>
    </message>
    <message>
        <source>Repeat password: the two passwords differ.</source>
        <translation>Répéter le mot de passe&#xa0;: les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Dentasync Desktop — user guide</source>
        <translation>Dentasync Desktop — guide de l’utilisateur</translation>
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
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Date de commande</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Teinte</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dents</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Numéro de suivi</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <source>On hold because</source>
        <translation>Motif de l’attente</translation>
    </message>
    <message>
        <source>Remake because</source>
        <translation>Motif de la reprise</translation>
    </message>
    <message>
        <source>Cancelled because</source>
        <translation>Motif de l’annulation</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Patient&apos;s phone</source>
        <translation>Téléphone du patient</translation>
    </message>
    <message>
        <source>Patient&apos;s contact</source>
        <translation>Personne à contacter du patient</translation>
    </message>
    <message>
        <source>Patient&apos;s address</source>
        <translation>Adresse du patient</translation>
    </message>
    <message>
        <source>Lab contact</source>
        <translation>Personne à contacter du laboratoire</translation>
    </message>
    <message>
        <source>Lab phone</source>
        <translation>Téléphone du laboratoire</translation>
    </message>
    <message>
        <source>Lab e-mail</source>
        <translation>E-mail du laboratoire</translation>
    </message>
    <message>
        <source>Lab address</source>
        <translation>Adresse du laboratoire</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Aucune description.</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Total&#xa0;: {total}</translation>
    </message>
    <message>
        <source>Items: {items} · adjustment: {adjustment} · total: {total}</source>
        <translation>Articles&#xa0;: {items} · ajustement&#xa0;: {adjustment} · total&#xa0;: {total}</translation>
    </message>
</context>
<context>
    <name>InstallmentsModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Partiellement payé</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À payer</translation>
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
        <translation>Description</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dents</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total ligne</translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>Amounts of different currencies are never added up</source>
        <translation>Les montants de devises différentes ne sont jamais additionnés</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Devise&#xa0;:</translation>
    </message>
    <message>
        <source>No work orders match these filters</source>
        <translation>Aucune commande ne correspond à ces filtres</translation>
    </message>
    <message>
        <source>Paid and outstanding per dental lab ({currency})</source>
        <translation>Payé et restant dû par laboratoire dentaire ({currency})</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Restant dû</translation>
    </message>
    <message numerus="yes">
        <source>%n other lab(s)</source>
        <translation>
            <numerusform>%n autre laboratoire</numerusform>
            <numerusform>%n autres laboratoires</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked — Dentasync Desktop</source>
        <translation>Verrouillé — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>The window was locked after a while without use. {name}, enter your password to continue, or sign out.</source>
        <translation>La fenêtre a été verrouillée après une période d’inactivité. {name}, saisissez votre mot de passe pour continuer, ou déconnectez-vous.</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>&amp;Nouvelle commande…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>&amp;Changer mon mot de passe…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;About Dentasync Desktop</source>
        <translation>À &amp;propos de Dentasync Desktop</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role})</source>
        <translation>Connecté&#xa0;: {name} ({role})</translation>
    </message>
    <message>
        <source>The database file</source>
        <translation>Le fichier de la base de données</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>Created work order {number}.</source>
        <translation>Commande {number} créée.</translation>
    </message>
    <message>
        <source>{action} is not available in this version.</source>
        <translation>{action} n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Actualisé.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>About Dentasync Desktop</source>
        <translation>À propos de Dentasync Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dentasync Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline work orders for dental clinics and dental labs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Data folder:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Backups:&lt;/b&gt; {backups}&lt;br&gt;&lt;b&gt;Log file:&lt;/b&gt; {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dentasync Desktop {version}&lt;/h3&gt;&lt;p&gt;Commandes hors ligne pour cabinets et laboratoires dentaires.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Base de données&#xa0;:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Dossier des données&#xa0;:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Sauvegardes&#xa0;:&lt;/b&gt; {backups}&lt;br&gt;&lt;b&gt;Fichier journal&#xa0;:&lt;/b&gt; {log}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OrderContext</name>
    <message>
        <source>Your role ({role}) does not allow this action: {action}.</source>
        <translation>Votre rôle ({role}) ne permet pas cette action&#xa0;: {action}.</translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Change lab, patient, dates, items</source>
        <translation>Changer le laboratoire, le patient, les dates, les articles</translation>
    </message>
    <message>
        <source>Change customer…</source>
        <translation>Changer de client…</translation>
    </message>
    <message>
        <source>Plan work</source>
        <translation>Planifier le travail</translation>
    </message>
    <message>
        <source>Open the work plan; plan it from the service templates if it is empty</source>
        <translation>Ouvrir le plan de travail&#xa0;; le générer à partir des modèles des prestations s’il est vide</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Copier…</translation>
    </message>
    <message>
        <source>A new draft with the same items, work plan and attachments</source>
        <translation>Un nouveau brouillon avec les mêmes articles, le même plan de travail et les mêmes pièces jointes</translation>
    </message>
    <message>
        <source>Payroll…</source>
        <translation>Rémunération…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Order form and box label</source>
        <translation>Bon de commande et étiquette de boîte</translation>
    </message>
    <message>
        <source>Update due date…</source>
        <translation>Modifier l’échéance…</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>Ajouter un événement…</translation>
    </message>
    <message>
        <source>Schedule a try-in, delivery, pick-up…</source>
        <translation>Planifier un essayage, une livraison, une collecte…</translation>
    </message>
    <message>
        <source>Put on hold…</source>
        <translation>Mettre en attente…</translation>
    </message>
    <message>
        <source>Mark as remake…</source>
        <translation>Marquer comme reprise…</translation>
    </message>
    <message>
        <source>Move back…</source>
        <translation>Revenir en arrière…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Annuler la commande…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Delete order…</source>
        <translation>Supprimer la commande…</translation>
    </message>
    <message>
        <source>Only a draft created by mistake, with no payments, events or attachments</source>
        <translation>Uniquement un brouillon créé par erreur, sans paiements, événements ni pièces jointes</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Ajouter un paiement…</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>Plan de paiement…</translation>
    </message>
    <message>
        <source>Payment instructions…</source>
        <translation>Instructions de paiement…</translation>
    </message>
    <message>
        <source>The lab&apos;s bank details</source>
        <translation>Les coordonnées bancaires du laboratoire</translation>
    </message>
    <message>
        <source>Adjust price…</source>
        <translation>Ajuster le prix…</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Take off hold</source>
        <translation>Lever l’attente</translation>
    </message>
    <message>
        <source>{step} (Ctrl+Enter): {before} → {after}</source>
        <translation>{step} (Ctrl+Enter)&#xa0;: {before} → {after}</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Start production</source>
        <translation>Lancer la production</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Marquer produite</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>Expédier…</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Livrer</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Infos</translation>
    </message>
    <message>
        <source>Work plan ({done}/{count})</source>
        <translation>Plan de travail ({done}/{count})</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de travail</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Rémunération</translation>
    </message>
    <message>
        <source>Publish order</source>
        <translation>Publier la commande</translation>
    </message>
    <message>
        <source>Publish {number} and send it to {lab}?</source>
        <translation>Publier {number} et l’envoyer à {lab}&#xa0;?</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Expédier</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Numéro de suivi</translation>
    </message>
    <message>
        <source>Ship {number}: the parcel&apos;s tracking number.</source>
        <translation>Expédier {number}&#xa0;: numéro de suivi du colis.</translation>
    </message>
    <message>
        <source>Copy order</source>
        <translation>Copier la commande</translation>
    </message>
    <message>
        <source>Make a new draft order from {number}, with its items, work plan and attachments?</source>
        <translation>Créer une nouvelle commande brouillon à partir de {number}, avec ses articles, son plan de travail et ses pièces jointes&#xa0;?</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Mettre en attente</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>While on hold the order cannot move forward.</source>
        <translation>Tant qu’elle est en attente, la commande ne peut pas avancer.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Move {number} back from {before} to {after}.</source>
        <translation>Faire revenir {number} de «&#xa0;{before}&#xa0;» à «&#xa0;{after}&#xa0;».</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <source>A cancelled order stays for reference and becomes read-only; it can be reopened as a draft.</source>
        <translation>Une commande annulée est conservée pour référence et passe en lecture seule&#xa0;; elle peut être rouverte comme brouillon.</translation>
    </message>
    <message>
        <source>Really cancel {number}?</source>
        <translation>Voulez-vous vraiment annuler {number}&#xa0;?</translation>
    </message>
    <message>
        <source>Keep order</source>
        <translation>Conserver la commande</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Supprimer la commande</translation>
    </message>
    <message>
        <source>Delete {number} for good? Its number is not used again and the activity log keeps a note of it.</source>
        <translation>Supprimer définitivement {number}&#xa0;? Son numéro ne sera pas réutilisé et l’historique en garde une trace.</translation>
    </message>
    <message>
        <source>Reopen order</source>
        <translation>Rouvrir la commande</translation>
    </message>
    <message>
        <source>Reopen {number} as {status}?</source>
        <translation>Rouvrir {number} avec le statut «&#xa0;{status}&#xa0;»&#xa0;?</translation>
    </message>
</context>
<context>
    <name>OrderEditorDialog</name>
    <message>
        <source>Edit work order {number}</source>
        <translation>Modifier la commande {number}</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <source>Type to search patients</source>
        <translation>Saisissez pour rechercher un patient</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dents</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total ligne</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de travail</translation>
    </message>
    <message>
        <source>None of the services in the items has task templates that are not planned yet.</source>
        <translation>Aucune des prestations des articles n’a de modèles de tâches qui ne soient pas encore planifiés.</translation>
    </message>
    <message>
        <source>Due date: documented date plus {lab}&apos;s turnaround of {days} days.</source>
        <translation>Échéance&#xa0;: date de commande plus le délai de fabrication de {lab} ({days} jours).</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(personnalisé)</translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Retirer cet article</translation>
    </message>
    <message>
        <source>The price list has this price in {currency}.</source>
        <translation>La liste de prix indique ce prix en {currency}.</translation>
    </message>
    <message>
        <source>check the prices</source>
        <translation>vérifiez les prix</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Total&#xa0;: {total}</translation>
    </message>
    <message>
        <source>Discard this new order?</source>
        <translation>Abandonner cette nouvelle commande&#xa0;?</translation>
    </message>
    <message>
        <source>A new order you were typing on {when} was not saved (the application closed before). Restore it?</source>
        <translation>Une nouvelle commande que vous saisissiez le {when} n’a pas été enregistrée (l’application s’est fermée avant). La restaurer&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
</context>
<context>
    <name>OrderEditorForm</name>
    <message>
        <source>Work order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Dental &amp;lab:</source>
        <translation>&amp;Laboratoire dentaire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Documented:</source>
        <translation>Date de co&amp;mmande&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Client&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>Éc&amp;héance&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <source>&amp;Shade:</source>
        <translation>&amp;Teinte&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. A2</source>
        <translation>p. ex. A2</translation>
    </message>
    <message>
        <source>Desc&amp;ription:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>What the lab should make</source>
        <translation>Ce que le laboratoire doit réaliser</translation>
    </message>
    <message>
        <source>Teeth (FDI)</source>
        <translation>Dents (FDI)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>&amp;Ajouter un article</translation>
    </message>
    <message>
        <source>Currenc&amp;y:</source>
        <translation>De&amp;vise&#xa0;:</translation>
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
        <translation>Client</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Date de commande</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>On hold: {reason}</source>
        <translation>En attente&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Remake of {link}</source>
        <translation>Reprise de {link}</translation>
    </message>
    <message>
        <source>Remake</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>Copied from {link}</source>
        <translation>Copiée de {link}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Past the due date</source>
        <translation>Échéance dépassée</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Date de commande</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
</context>
<context>
    <name>OrderListPage</name>
    <message>
        <source>Search patient, customer, lab or description; type or scan a number and press Enter</source>
        <translation>Patient, client, laboratoire ou description&#xa0;; saisissez ou scannez un numéro, puis Entrée</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <source>Create a new work order (Ctrl+N)</source>
        <translation>Créer une nouvelle commande (Ctrl+N)</translation>
    </message>
    <message>
        <source>Print selected…</source>
        <translation>Imprimer la sélection…</translation>
    </message>
    <message>
        <source>Print the order forms of the selected orders (Ctrl+click or Shift+click to select several)</source>
        <translation>Imprimer les bons de commande des commandes sélectionnées (Ctrl+clic ou Maj+clic pour en sélectionner plusieurs)</translation>
    </message>
    <message>
        <source>Work orders: {count}</source>
        <translation>Commandes&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Counting work orders…</source>
        <translation>Comptage des commandes…</translation>
    </message>
    <message>
        <source>All labs</source>
        <translation>Tout laboratoire</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Tout client</translation>
    </message>
    <message>
        <source>Any payment</source>
        <translation>Tout paiement</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>Échéance du</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Toutes les commandes</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>Il n’existe aucune commande {number}.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>OrderPickerDialog</name>
    <message>
        <source>New event: which order?</source>
        <translation>Nouvel événement&#xa0;: pour quelle commande&#xa0;?</translation>
    </message>
    <message>
        <source>Order number, patient, customer or lab</source>
        <translation>N° de commande, patient, client ou laboratoire</translation>
    </message>
    <message>
        <source>No order matches (cancelled orders take no events).</source>
        <translation>Aucune commande ne correspond (les commandes annulées n’acceptent pas d’événements).</translation>
    </message>
    <message>
        <source>Type or scan the order number, or part of the patient&apos;s name:</source>
        <translation>Saisissez ou scannez le numéro de commande, ou une partie du nom du patient&#xa0;:</translation>
    </message>
</context>
<context>
    <name>OrderSidePanel</name>
    <message>
        <source>Activity</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Add payment</source>
        <translation>Ajouter un paiement</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Payé le</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PaymentInstructionsDialog</name>
    <message>
        <source>Payment instructions</source>
        <translation>Instructions de paiement</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Titulaire du compte</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
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
        <translation>Référence</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The lab has no bank details yet; add them under Dental labs.</source>
        <translation>Le laboratoire n’a pas encore de coordonnées bancaires&#xa0;; ajoutez-les dans Laboratoires dentaires.</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Voided {when}: {reason}</source>
        <translation>Invalidé le {when}&#xa0;: {reason}</translation>
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
        <translation>Payé</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>Plan de paiement…</translation>
    </message>
    <message>
        <source>Remove plan</source>
        <translation>Supprimer le plan</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Plan de paiement</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Ajouter un paiement…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Invalider…</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>No payment plan.</source>
        <translation>Aucun plan de paiement.</translation>
    </message>
    <message>
        <source>{amount} by {method}, due {due}.</source>
        <translation>{amount} ({method}), échéance le {due}.</translation>
    </message>
    <message>
        <source>{amount} by {method} in {count} installments, {every}, from {first}.</source>
        <translation>{amount} ({method}) en {count} versements, {every}, à partir du {first}.</translation>
    </message>
    <message>
        <source>Change the plan</source>
        <translation>Modifier le plan</translation>
    </message>
    <message>
        <source>Set up a plan</source>
        <translation>Établir un plan</translation>
    </message>
    <message>
        <source>The order has no payment plan</source>
        <translation>La commande n’a pas de plan de paiement</translation>
    </message>
    <message>
        <source>Select a payment first</source>
        <translation>Sélectionnez d’abord un paiement</translation>
    </message>
    <message>
        <source>This payment is already voided</source>
        <translation>Ce paiement est déjà invalidé</translation>
    </message>
    <message>
        <source>Remove payment plan</source>
        <translation>Supprimer le plan de paiement</translation>
    </message>
    <message>
        <source>Remove the payment plan and its installments? Recorded payments stay.</source>
        <translation>Supprimer le plan de paiement et ses versements&#xa0;? Les paiements enregistrés sont conservés.</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Invalider le paiement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Void the payment of {amount} from {date}? It stays on record, struck through, and stops counting.</source>
        <translation>Invalider le paiement de {amount} du {date}&#xa0;? Il reste enregistré, barré, et n’est plus comptabilisé.</translation>
    </message>
</context>
<context>
    <name>PayrollDialog</name>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
</context>
<context>
    <name>PayrollModel</name>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Finalized {when}</source>
        <translation>Clôturé le {when}</translation>
    </message>
</context>
<context>
    <name>PayrollTab</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Finalize…</source>
        <translation>Clôturer…</translation>
    </message>
    <message>
        <source>Total: {amounts}</source>
        <translation>Total&#xa0;: {amounts}</translation>
    </message>
    <message>
        <source>Select a payroll record first</source>
        <translation>Sélectionnez d’abord une rémunération</translation>
    </message>
    <message>
        <source>The record is finalized and can no longer change</source>
        <translation>La rémunération est clôturée et ne peut plus être modifiée</translation>
    </message>
    <message>
        <source>Record what a technician earns on this order</source>
        <translation>Enregistrer ce qu’un prothésiste gagne sur cette commande</translation>
    </message>
    <message>
        <source>Add payroll record</source>
        <translation>Ajouter une rémunération</translation>
    </message>
    <message>
        <source>Edit payroll record</source>
        <translation>Modifier la rémunération</translation>
    </message>
    <message>
        <source>Finalize payroll record</source>
        <translation>Clôturer la rémunération</translation>
    </message>
    <message>
        <source>Finalize {amount} for {name}? A finalized record can no longer be changed.</source>
        <translation>Clôturer {amount} pour {name}&#xa0;? Une rémunération clôturée ne peut plus être modifiée.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>every day</source>
        <translation>tous les jours</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>toutes les semaines</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>tous les mois</translation>
    </message>
    <message>
        <source>every {count} {unit}</source>
        <translation>à {count} {unit} d’intervalle</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semaines</translation>
    </message>
    <message>
        <source>months</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Plan de paiement</translation>
    </message>
    <message>
        <source>Pay in installments</source>
        <translation>Payer en plusieurs versements</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Versements</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Première échéance</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Échéancier</translation>
    </message>
    <message numerus="yes">
        <source>%n installment(s), {total} in all</source>
        <translation>
            <numerusform>%n versement, {total} au total</numerusform>
            <numerusform>%n versements, {total} au total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <source>Payment plan</source>
        <translation>Plan de paiement</translation>
    </message>
    <message>
        <source>Tick to set the payment plan now; it can also be set later from the order&apos;s Payment menu</source>
        <translation>Cochez pour définir le plan de paiement maintenant&#xa0;; il peut aussi être défini plus tard depuis le menu Paiement de la commande</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Versements</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Première échéance</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>{total} (the order total)</source>
        <translation>{total} (le total de la commande)</translation>
    </message>
    <message>
        <source>{count} installments, the last one taking the rounding</source>
        <translation>{count} versements, le dernier absorbant l’arrondi</translation>
    </message>
</context>
<context>
    <name>QuickPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Show deactivated</source>
        <translation>Afficher les éléments désactivés</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Showing the first {count}; type in the search box to find others.</source>
        <translation>Affichage des {count} premiers&#xa0;; saisissez du texte dans la zone de recherche pour trouver les autres.</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>{count} affichés</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Delete {noun}</source>
        <translation>Supprimer&#xa0;: {noun}</translation>
    </message>
    <message>
        <source>Delete the {noun} “{name}”? This cannot be undone.

If it is still used somewhere it is deactivated instead, and stays on record.</source>
        <translation>Supprimer «&#xa0;{name}&#xa0;» ({noun})&#xa0;? Cette action est irréversible.

Si cet élément est encore utilisé quelque part, il est désactivé à la place et reste enregistré.</translation>
    </message>
    <message>
        <source>Deactivated instead</source>
        <translation>Désactivé à la place</translation>
    </message>
    <message>
        <source>“{name}” is still referenced, so it was deactivated instead of deleted. It no longer appears in choices for new work.</source>
        <translation>«&#xa0;{name}&#xa0;» est encore référencé&#xa0;: il a donc été désactivé au lieu d’être supprimé. Il n’apparaît plus dans les choix pour les nouveaux travaux.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
</context>
<context>
    <name>RemakeDialog</name>
    <message>
        <source>Mark as remake</source>
        <translation>Marquer comme reprise</translation>
    </message>
    <message>
        <source>Remake of order</source>
        <translation>Reprise de la commande</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
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
            <numerusform>%n rappel à échéance&#xa0;: cliquez pour le voir</numerusform>
            <numerusform>%n rappels à échéance&#xa0;: cliquez pour les voir</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>Aucun rappel à échéance</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n rappel à échéance</numerusform>
            <numerusform>%n rappels à échéance</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders missed while the app was closed</source>
        <translation>Rappels manqués pendant que l’application était fermée</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Rappels</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Reminders</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Tout ignorer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n rappel à échéance</numerusform>
            <numerusform>%n rappels à échéance</numerusform>
        </translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>Aucun rappel à échéance</translation>
    </message>
    <message>
        <source>Missed while closed</source>
        <translation>Manqués pendant la fermeture</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>À échéance maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%n more reminder(s) due. Each one you dismiss or snooze makes room for the next; Dismiss all dismisses them too.</source>
        <translation>
            <numerusform>%n autre rappel à échéance. Chaque rappel ignoré ou reporté laisse place au suivant&#xa0;; «&#xa0;Tout ignorer&#xa0;» les ignore aussi.</numerusform>
            <numerusform>%n autres rappels à échéance. Chaque rappel ignoré ou reporté laisse place au suivant&#xa0;; «&#xa0;Tout ignorer&#xa0;» les ignore aussi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to remind you of right now. Reminders of appointments, due orders and installments appear here when they come due.</source>
        <translation>Aucun rappel pour le moment. Les rappels de rendez-vous, de commandes et de versements apparaissent ici lorsqu’ils arrivent à échéance.</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>snoozed, due again {when}</source>
        <translation>reporté, nouvelle échéance le {when}</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>échéance le {when}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open order {number}</source>
        <translation>Ouvrir la commande {number}</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Reporter</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrées</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>À temps</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Médiane (j)</translation>
    </message>
    <message>
        <source>90% days</source>
        <translation>90 % (j)</translation>
    </message>
    <message>
        <source>Remakes</source>
        <translation>Reprises</translation>
    </message>
    <message>
        <source>Remake rate</source>
        <translation>Taux de reprise</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Retard moy. (j)</translation>
    </message>
    <message>
        <source>Delivered on or before the due date, of the deliveries that had a due date</source>
        <translation>Livrées au plus tard à l’échéance, parmi les livraisons qui avaient une échéance</translation>
    </message>
    <message>
        <source>Sent to the lab to delivered</source>
        <translation>De l’envoi au laboratoire à la livraison</translation>
    </message>
    <message>
        <source>Nine in ten cases came back within this many days</source>
        <translation>Neuf cas sur dix sont revenus dans ce nombre de jours</translation>
    </message>
    <message>
        <source>Averaged over the late deliveries</source>
        <translation>Moyenne sur les livraisons en retard</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>(no service)</source>
        <translation>(aucune prestation)</translation>
    </message>
</context>
<context>
    <name>ScorecardTab</name>
    <message>
        <source>Double-click a lab to see its work orders</source>
        <translation>Double-cliquez sur un laboratoire pour voir ses commandes</translation>
    </message>
    <message>
        <source>Orders documented in the period. Turnaround: sent to the lab to delivered; on time: delivered on or before the due date.</source>
        <translation>Commandes passées dans la période. Délai&#xa0;: de l’envoi au laboratoire à la livraison&#xa0;; à temps&#xa0;: livrée au plus tard à l’échéance.</translation>
    </message>
    <message>
        <source>Turnaround by service: {lab}</source>
        <translation>Délai par prestation&#xa0;: {lab}</translation>
    </message>
    <message>
        <source>Turnaround by service, every lab (select a lab to narrow it)</source>
        <translation>Délai par prestation, tous laboratoires (sélectionnez un laboratoire pour affiner)</translation>
    </message>
    <message>
        <source>No deliveries to rate in this period</source>
        <translation>Aucune livraison à évaluer dans cette période</translation>
    </message>
    <message>
        <source>On-time deliveries per dental lab</source>
        <translation>Livraisons à temps par laboratoire dentaire</translation>
    </message>
    <message>
        <source>On time (%)</source>
        <translation>À temps (%)</translation>
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
        <translation>Total&#xa0;: {amounts}</translation>
    </message>
    <message>
        <source>showing the first {shown} of {count}</source>
        <translation>affichage des {shown} premiers sur {count}</translation>
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
        <translation>US Letter (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>After this many minutes without keyboard or mouse input, the window is locked until the signed-in user enters their password again. 0: never.</source>
        <translation>Après ce nombre de minutes sans saisie au clavier ni à la souris, la fenêtre est verrouillée jusqu’à ce que l’utilisateur connecté saisisse à nouveau son mot de passe. 0&#xa0;: jamais.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>L&amp;ogo&#xa0;:</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <source>Default &amp;currency:</source>
        <translation>De&amp;vise par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>Format du &amp;papier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>Dossier de &amp;sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Lock when idle after:</source>
        <translation>Ve&amp;rrouiller après une inactivité de&#xa0;:</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Sauvegarde et restauration</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>These details appear on printed order forms and reports.</source>
        <translation>Ces informations figurent sur les bons de commande et les rapports imprimés.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>Thè&amp;me&#xa0;:</translation>
    </message>
    <message>
        <source>Same as the system ({language})</source>
        <translation>Comme le système ({language})</translation>
    </message>
    <message>
        <source>Restart Dentasync Desktop to see it in the new language.</source>
        <translation>Redémarrez Dentasync Desktop pour l’afficher dans la nouvelle langue.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Remind of orders due &amp;tomorrow that are not back from the lab</source>
        <translation>Rappeler les commandes à échéance dema&amp;in qui ne sont pas revenues du laboratoire</translation>
    </message>
    <message>
        <source>Remind of &amp;installments due today</source>
        <translation>Rappeler les versements dus a&amp;ujourd’hui</translation>
    </message>
    <message>
        <source>Only on the day</source>
        <translation>Le jour même</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> jours avant</translation>
    </message>
    <message>
        <source>Warn this many days before a try-in or delivery whose case is not back from the lab yet.</source>
        <translation>Avertir ce nombre de jours avant un essayage ou une livraison dont le cas n’est pas encore revenu du laboratoire.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Calendar and reminders</source>
        <translation>Calendrier et rappels</translation>
    </message>
    <message>
        <source>Case-not-back &amp;warning:</source>
        <translation>Alerte &amp;cas non revenu&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Start on:</source>
        <translation>Pa&amp;ge de démarrage&#xa0;:</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Choisir le dossier de sauvegarde</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Aucune sauvegarde n’a encore été effectuée.</translation>
    </message>
    <message>
        <source>Newest backup: {name}, {when}, on the PC {host}.</source>
        <translation>Sauvegarde la plus récente&#xa0;: {name}, {when}, sur le PC {host}.</translation>
    </message>
    <message>
        <source>Newest backup: {name}, {when}.</source>
        <translation>Sauvegarde la plus récente&#xa0;: {name}, {when}.</translation>
    </message>
    <message>
        <source>The database server is backed up automatically once a day, by the first PC that starts Dentasync Desktop, and before every upgrade, into that PC&apos;s backups folder ({folder} on this PC). Backing up and restoring need PostgreSQL&apos;s pg_dump and pg_restore on the PC.</source>
        <translation>Le serveur de base de données est sauvegardé automatiquement une fois par jour, par le premier PC qui démarre Dentasync Desktop, et avant chaque mise à niveau, dans le dossier des sauvegardes de ce PC ({folder} sur ce PC). La sauvegarde et la restauration nécessitent pg_dump et pg_restore de PostgreSQL sur le PC.</translation>
    </message>
    <message>
        <source>The database is backed up automatically once a day and before every upgrade, into {folder}.</source>
        <translation>La base de données est sauvegardée automatiquement une fois par jour et avant chaque mise à niveau, dans {folder}.</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Sauvegarde effectuée</translation>
    </message>
    <message>
        <source>The database was backed up to:
{path}</source>
        <translation>La base de données a été sauvegardée dans&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>Database server backups (*.dump);;All files (*)</source>
        <translation>Sauvegardes du serveur de base de données (*.dump);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Dentasync backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Sauvegardes Dentasync (*.sqlite3 *.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Replace all current data with the backup
{path}?

Everything entered since that backup was made is replaced. The current database is kept as a safety copy in the backups folder. Dentasync Desktop closes afterwards and must be started again.</source>
        <translation>Remplacer toutes les données actuelles par la sauvegarde
{path}&#xa0;?

Tout ce qui a été saisi depuis cette sauvegarde est remplacé. La base de données actuelle est conservée comme copie de sécurité dans le dossier des sauvegardes. Dentasync Desktop se ferme ensuite et doit être redémarré.</translation>
    </message>
    <message>
        <source>Every PC uses this database: close Dentasync Desktop on the other PCs first.</source>
        <translation>Tous les PC utilisent cette base de données&#xa0;: fermez d’abord Dentasync Desktop sur les autres PC.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>

The previous data was kept as:
{path}</source>
        <translation>

Les données précédentes ont été conservées sous&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauration effectuée</translation>
    </message>
    <message>
        <source>The backup was restored. Dentasync Desktop will now close; start it again to work with the restored data.</source>
        <translation>La sauvegarde a été restaurée. Dentasync Desktop va maintenant se fermer&#xa0;; redémarrez-le pour travailler avec les données restaurées.</translation>
    </message>
</context>
<context>
    <name>SidePanelSplitter</name>
    <message>
        <source>Activity &amp;&amp; comments</source>
        <translation>Historique &amp;&amp; commentaires</translation>
    </message>
    <message>
        <source>Show or hide the activity log and comments beside the tabs (F6)</source>
        <translation>Afficher ou masquer l’historique et les commentaires à côté des onglets (F6)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Dentasync Desktop</source>
        <translation>Connexion — Dentasync Desktop</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Dentasync Desktop</source>
        <translation>Dentasync Desktop</translation>
    </message>
    <message>
        <source>Sign in to continue.</source>
        <translation>Connectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo database.&lt;/b&gt; Sign in as one of these users:&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;1&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;User&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Password&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Role&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</source>
        <translation>&lt;b&gt;Base de démonstration.&lt;/b&gt; Connectez-vous avec l’un de ces utilisateurs&#xa0;:&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;1&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Utilisateur&#xa0;&#xa0;&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Mot de passe&#xa0;&#xa0;&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Rôle&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>À faire avant le</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Fait le</translation>
    </message>
</context>
<context>
    <name>TeethChart</name>
    <message>
        <source>Deciduous teeth</source>
        <translation>Dents de lait</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Tooth {number}</source>
        <translation>Dent {number}</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>TodayLinesModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Try-ins and deliveries today</source>
        <translation>Essayages et livraisons aujourd’hui</translation>
    </message>
    <message>
        <source>No try-ins or deliveries today.</source>
        <translation>Aucun essayage ni aucune livraison aujourd’hui.</translation>
    </message>
    <message>
        <source>Try-ins and deliveries tomorrow</source>
        <translation>Essayages et livraisons demain</translation>
    </message>
    <message>
        <source>No try-ins or deliveries tomorrow.</source>
        <translation>Aucun essayage ni aucune livraison demain.</translation>
    </message>
    <message>
        <source>Orders due today</source>
        <translation>Commandes à échéance aujourd’hui</translation>
    </message>
    <message>
        <source>No order is due today.</source>
        <translation>Aucune commande n’arrive à échéance aujourd’hui.</translation>
    </message>
    <message>
        <source>Overdue orders</source>
        <translation>Commandes en retard</translation>
    </message>
    <message>
        <source>No order is overdue.</source>
        <translation>Aucune commande n’est en retard.</translation>
    </message>
    <message>
        <source>Coming back from the lab</source>
        <translation>En retour du laboratoire</translation>
    </message>
    <message>
        <source>No case is on its way back.</source>
        <translation>Aucun cas n’est en cours de retour.</translation>
    </message>
    <message>
        <source>Installments due or overdue</source>
        <translation>Versements dus ou en retard</translation>
    </message>
    <message>
        <source>No installment is due.</source>
        <translation>Aucun versement n’est dû.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>No reminders due.</source>
        <translation>Aucun rappel à échéance.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <source>{date}: what must happen today</source>
        <translation>{date}&#xa0;: ce qui doit se faire aujourd’hui</translation>
    </message>
</context>
<context>
    <name>WorkPlanFields</name>
    <message>
        <source>Work plan</source>
        <translation>Plan de travail</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation>Ajouter une &amp;tâche</translation>
    </message>
    <message>
        <source>From the services&apos; templates</source>
        <translation>À partir des modèles des prestations</translation>
    </message>
    <message>
        <source>The task templates of the services chosen in the items, as &quot;Plan work&quot; builds them</source>
        <translation>Les modèles de tâches des prestations choisies dans les articles, tels que «&#xa0;Planifier le travail&#xa0;» les génère</translation>
    </message>
    <message>
        <source>Tick to plan the work now; it can also be planned later on the order&apos;s Work plan tab</source>
        <translation>Cochez pour planifier le travail maintenant&#xa0;; il peut aussi être planifié plus tard dans l’onglet Plan de travail de la commande</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>e.g. Model, Framework, Layering</source>
        <translation>p. ex. Modèle, Armature, Stratification</translation>
    </message>
    <message>
        <source>by</source>
        <translation>pour le</translation>
    </message>
    <message>
        <source>Remove this task</source>
        <translation>Retirer cette tâche</translation>
    </message>
</context>
<context>
    <name>WorkPlanTab</name>
    <message>
        <source>Plan automatically</source>
        <translation>Planifier automatiquement</translation>
    </message>
    <message>
        <source>Add the task templates of the order&apos;s services</source>
        <translation>Ajouter les modèles de tâches des prestations de la commande</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assigner…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>{done} of {count} tasks done</source>
        <translation>Tâches terminées&#xa0;: {done}/{count}</translation>
    </message>
    <message>
        <source>No tasks yet</source>
        <translation>Aucune tâche pour l’instant</translation>
    </message>
    <message>
        <source>Select a task first</source>
        <translation>Sélectionnez d’abord une tâche</translation>
    </message>
    <message>
        <source>Add a task by hand</source>
        <translation>Ajouter une tâche manuellement</translation>
    </message>
    <message>
        <source>Already the first task</source>
        <translation>C’est déjà la première tâche</translation>
    </message>
    <message>
        <source>Already the last task</source>
        <translation>C’est déjà la dernière tâche</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Ajouter une tâche</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Modifier la tâche</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Retirer la tâche</translation>
    </message>
    <message>
        <source>Remove the task “{name}” from the work plan?</source>
        <translation>Retirer la tâche «&#xa0;{name}&#xa0;» du plan de travail&#xa0;?</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Your role ({role}) does not allow this: {action}.</source>
        <translation>Votre rôle ({role}) ne permet pas ceci&#xa0;: {action}.</translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message>
        <source>dental lab</source>
        <translation>laboratoire dentaire</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>service</source>
        <translation>prestation</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>membre du personnel</translation>
    </message>
    <message>
        <source>Sent to the lab</source>
        <translation>Envoyée au laboratoire</translation>
    </message>
    <message>
        <source>Production started</source>
        <translation>Production lancée</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Produite</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Rouverte</translation>
    </message>
    <message>
        <source>Moved back</source>
        <translation>Revenue à l’étape précédente</translation>
    </message>
    <message numerus="yes">
        <source>payment plan replaced: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>plan de paiement remplacé&#xa0;: {amount} ({method}), %n versement à partir du {first}</numerusform>
            <numerusform>plan de paiement remplacé&#xa0;: {amount} ({method}), %n versements à partir du {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>payment plan set: {amount} by {method}, %n installments from {first}</source>
        <translation>
            <numerusform>plan de paiement établi&#xa0;: {amount} ({method}), %n versement à partir du {first}</numerusform>
            <numerusform>plan de paiement établi&#xa0;: {amount} ({method}), %n versements à partir du {first}</numerusform>
        </translation>
    </message>
    <message>
        <source>payment plan replaced: {amount} by {method}, due {first}</source>
        <translation>plan de paiement remplacé&#xa0;: {amount} ({method}), échéance le {first}</translation>
    </message>
    <message>
        <source>payment plan set: {amount} by {method}, due {first}</source>
        <translation>plan de paiement établi&#xa0;: {amount} ({method}), échéance le {first}</translation>
    </message>
    <message>
        <source>{step}: {before} → {after}</source>
        <translation>{step}&#xa0;: {before} → {after}</translation>
    </message>
    <message numerus="yes">
        <source>planned %n task(s) automatically</source>
        <translation>
            <numerusform>%n tâche planifiée automatiquement</numerusform>
            <numerusform>%n tâches planifiées automatiquement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed sign-in of {name}: wrong password (%n in a row)</source>
        <translation>
            <numerusform>Échec de connexion de {name}&#xa0;: mot de passe erroné (%n fois de suite)</numerusform>
            <numerusform>Échec de connexion de {name}&#xa0;: mot de passe erroné (%n fois de suite)</numerusform>
        </translation>
    </message>
    <message>
        <source>Created {order}</source>
        <translation>Création de {order}</translation>
    </message>
    <message>
        <source>Edited {order}</source>
        <translation>Modification de {order}</translation>
    </message>
    <message>
        <source>Seeded {order}</source>
        <translation>{order} générée (données synthétiques)</translation>
    </message>
    <message>
        <source>Customer changed from {old} to {new}</source>
        <translation>Client changé de {old} à {new}</translation>
    </message>
    <message>
        <source>Due date changed to {date}</source>
        <translation>Échéance changée au {date}</translation>
    </message>
    <message>
        <source>Price adjusted from {old} to {new}</source>
        <translation>Prix ajusté de {old} à {new}</translation>
    </message>
    <message>
        <source>Put on hold: {reason}</source>
        <translation>Mise en attente&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Taken off hold</source>
        <translation>Attente levée</translation>
    </message>
    <message>
        <source>Marked as remake of {order}: {reason}</source>
        <translation>Marquée comme reprise de {order}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Copied from {order}</source>
        <translation>Copiée de {order}</translation>
    </message>
    <message>
        <source>Copied to {order}</source>
        <translation>Copiée vers {order}</translation>
    </message>
    <message>
        <source>Deleted {order} ({patient}, {lab}, {total})</source>
        <translation>Suppression de {order} ({patient}, {lab}, {total})</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; added</source>
        <translation>tâche «&#xa0;{task}&#xa0;» ajoutée</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; edited</source>
        <translation>tâche «&#xa0;{task}&#xa0;» modifiée</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; moved to place {place}</source>
        <translation>tâche «&#xa0;{task}&#xa0;» déplacée en position {place}</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; assigned to {name}</source>
        <translation>tâche «&#xa0;{task}&#xa0;» assignée à {name}</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; unassigned</source>
        <translation>tâche «&#xa0;{task}&#xa0;» désassignée</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; done</source>
        <translation>tâche «&#xa0;{task}&#xa0;» faite</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; reopened</source>
        <translation>tâche «&#xa0;{task}&#xa0;» rouverte</translation>
    </message>
    <message>
        <source>task &apos;{task}&apos; removed</source>
        <translation>tâche «&#xa0;{task}&#xa0;» retirée</translation>
    </message>
    <message>
        <source>payroll {amount} for {name}</source>
        <translation>rémunération de {amount} pour {name}</translation>
    </message>
    <message>
        <source>payroll for {name} edited</source>
        <translation>rémunération de {name} modifiée</translation>
    </message>
    <message>
        <source>payroll {amount} for {name} finalized</source>
        <translation>rémunération de {amount} pour {name} clôturée</translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; attached</source>
        <translation>fichier «&#xa0;{name}&#xa0;» joint</translation>
    </message>
    <message>
        <source>file &apos;{name}&apos; removed</source>
        <translation>fichier «&#xa0;{name}&#xa0;» retiré</translation>
    </message>
    <message>
        <source>payment plan removed</source>
        <translation>plan de paiement supprimé</translation>
    </message>
    <message>
        <source>payment of {amount} ({method}) on {date} recorded</source>
        <translation>paiement de {amount} ({method}) du {date} enregistré</translation>
    </message>
    <message>
        <source>payment of {amount} on {date} voided: {reason}</source>
        <translation>paiement de {amount} du {date} invalidé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{kind} on {when} added</source>
        <translation>Ajout&#xa0;: {kind} du {when}</translation>
    </message>
    <message>
        <source>{kind} on {when} edited</source>
        <translation>Modification&#xa0;: {kind} du {when}</translation>
    </message>
    <message>
        <source>{kind} on {when} done</source>
        <translation>Fait&#xa0;: {kind} du {when}</translation>
    </message>
    <message>
        <source>{kind} on {when} reopened</source>
        <translation>Rouvert&#xa0;: {kind} du {when}</translation>
    </message>
    <message>
        <source>{kind} on {when} deleted</source>
        <translation>Suppression&#xa0;: {kind} du {when}</translation>
    </message>
    <message>
        <source>comment &quot;{text}&quot;</source>
        <translation>commentaire «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>comment edited: &quot;{text}&quot;</source>
        <translation>commentaire modifié&#xa0;: «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Created {kind} {name}</source>
        <translation>Création&#xa0;: {kind} {name}</translation>
    </message>
    <message>
        <source>Edited {kind} {name}</source>
        <translation>Modification&#xa0;: {kind} {name}</translation>
    </message>
    <message>
        <source>Reactivated {kind} {name}</source>
        <translation>Réactivation&#xa0;: {kind} {name}</translation>
    </message>
    <message>
        <source>Deactivated {kind} {name}</source>
        <translation>Désactivation&#xa0;: {kind} {name}</translation>
    </message>
    <message>
        <source>Deactivated {kind} {name} instead of deleting it: it is still in use</source>
        <translation>Désactivation au lieu de la suppression (encore utilisé)&#xa0;: {kind} {name}</translation>
    </message>
    <message>
        <source>Deleted {kind} {name}</source>
        <translation>Suppression&#xa0;: {kind} {name}</translation>
    </message>
    <message>
        <source>Failed sign-in: unknown user name &apos;{name}&apos;</source>
        <translation>Échec de connexion&#xa0;: nom d’utilisateur inconnu «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Created the first administrator {name}</source>
        <translation>Création du premier administrateur {name}</translation>
    </message>
    <message>
        <source>{name} signed in</source>
        <translation>{name} s’est connecté</translation>
    </message>
    <message>
        <source>Created user {name}</source>
        <translation>Création de l’utilisateur {name}</translation>
    </message>
    <message>
        <source>Edited user {name}</source>
        <translation>Modification de l’utilisateur {name}</translation>
    </message>
    <message>
        <source>Reset the password of {name}</source>
        <translation>Réinitialisation du mot de passe de {name}</translation>
    </message>
    <message>
        <source>{name} unlocked the window</source>
        <translation>{name} a déverrouillé la fenêtre</translation>
    </message>
    <message>
        <source>{name} changed their password</source>
        <translation>{name} a changé son mot de passe</translation>
    </message>
    <message>
        <source>Reactivated user {name}</source>
        <translation>Réactivation de l’utilisateur {name}</translation>
    </message>
    <message>
        <source>Deactivated user {name}</source>
        <translation>Désactivation de l’utilisateur {name}</translation>
    </message>
    <message>
        <source>Changed the organisation settings: {fields}</source>
        <translation>Paramètres de l’organisation modifiés&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>Changed the calendar and reminder settings: {fields}</source>
        <translation>Paramètres du calendrier et des rappels modifiés&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>{order}: {text}</source>
        <translation>{order}&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} autres</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Toute la journée</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Due {number} {patient}</source>
        <translation>Échéance {number} {patient}</translation>
    </message>
    <message>
        <source>Order {status}</source>
        <translation>Commande {status}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Scheduled by {person}</source>
        <translation>Planifié par {person}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Cannot create the data folders: {reason}</source>
        <translation>Impossible de créer les dossiers de données&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Interrompu.</translation>
    </message>
    <message>
        <source>{reason}. Details are in {path}</source>
        <translation>{reason}. Les détails se trouvent dans {path}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. Details are in {path}</source>
        <translation>Erreur inattendue&#xa0;: {error}. Les détails se trouvent dans {path}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Dentasync Desktop: offline work orders for dental clinics and dental labs.
Without a command it opens the application window.</source>
        <translation>Dentasync Desktop&#xa0;: commandes hors ligne pour cabinets et laboratoires dentaires.
Sans commande, il ouvre la fenêtre de l’application.</translation>
    </message>
    <message>
        <source>no password: set {variable} or run the command in a terminal</source>
        <translation>aucun mot de passe&#xa0;: définissez {variable} ou lancez la commande dans un terminal</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Répétez le mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>les deux mots de passe diffèrent</translation>
    </message>
    <message>
        <source>{command}: this command reads or changes clinic data; sign in with --user NAME (the password is asked for, or taken from {variable})</source>
        <translation>{command}&#xa0;: cette commande lit ou modifie les données du cabinet&#xa0;; connectez-vous avec --user NAME (le mot de passe est demandé, ou lu dans {variable})</translation>
    </message>
    <message>
        <source>Password for {name}: </source>
        <translation>Mot de passe de {name}&#xa0;: </translation>
    </message>
    <message numerus="yes">
        <source>Seeding %n order(s) (seed {seed}) into {path}</source>
        <translation>
            <numerusform>Génération de %n commande (graine {seed}) dans {path}</numerusform>
            <numerusform>Génération de %n commandes (graine {seed}) dans {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Done in {seconds} s ({rate} orders/s).</source>
        <translation>Terminé en {seconds} s ({rate} commandes/s).</translation>
    </message>
    <message>
        <source>OK: no problems found.</source>
        <translation>OK&#xa0;: aucun problème détecté.</translation>
    </message>
    <message>
        <source>PROBLEM: {problem}</source>
        <translation>PROBLÈME&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>Il n’y a aucune base de données à sauvegarder dans {path}.</translation>
    </message>
    <message>
        <source>-o: {path} is a folder; give the name of the backup file to write.</source>
        <translation>-o&#xa0;: {path} est un dossier&#xa0;; indiquez le nom du fichier de sauvegarde à écrire.</translation>
    </message>
    <message>
        <source>Backed up {path} to {target}</source>
        <translation>{path} sauvegardé dans {target}</translation>
    </message>
    <message>
        <source>Restored {backup} into {path}</source>
        <translation>{backup} restauré dans {path}</translation>
    </message>
    <message>
        <source>There was no previous database to keep.</source>
        <translation>Il n’y avait aucune base de données précédente à conserver.</translation>
    </message>
    <message>
        <source>The previous database was kept as {path}</source>
        <translation>La base de données précédente a été conservée sous {path}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Remarque&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} écrit</translation>
    </message>
    <message>
        <source>--status: the labs view has no payment-status filter; use --view orders</source>
        <translation>--status&#xa0;: la vue labs n’a pas de filtre de statut du paiement&#xa0;; utilisez --view orders</translation>
    </message>
    <message>
        <source>--from: the start date is after the --to date</source>
        <translation>--from&#xa0;: la date de début est postérieure à la date --to</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>UTILISATEUR</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>RÔLE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUT</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>user add: there is no active administrator yet; add one first (--role admin)</source>
        <translation>user add&#xa0;: il n’y a encore aucun administrateur actif&#xa0;; ajoutez-en d’abord un (--role admin)</translation>
    </message>
    <message>
        <source>Added {role} {name}.</source>
        <translation>{name} ajouté ({role}).</translation>
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
        <translation>emplacement des données&#xa0;:
  La base de données, les sauvegardes, les pièces jointes et les exports se trouvent dans le
  dossier de données de l’utilisateur, les journaux dans son dossier de journaux (lancez
  &apos;dentasync-desktop check&apos; pour les voir). --data-dir DIR ou la variable d’environnement
  DENTASYNC_DATA_DIR place tout sous DIR. --demo utilise une base de données distincte dans un
  sous-dossier &apos;demo&apos; et la remplit de données de démonstration à la première utilisation.
  --database-url postgresql+psycopg://USER@HOST:5432/DATABASE (ou DENTASYNC_DATABASE_URL)
  utilise à la place un serveur PostgreSQL partagé par plusieurs PC&#xa0;; le dossier de données
  le mémorise (sans le mot de passe, qui va dans le trousseau du système ou provient de
  $DENTASYNC_DATABASE_PASSWORD). --database-url local revient au fichier de cet ordinateur.

codes de sortie&#xa0;:
  0 terminé, 1 un problème (le message le décrit), 2 mauvaise utilisation, 130 interrompu

exemples&#xa0;:
  dentasync-desktop --demo                  ouvrir la fenêtre sur la base de démonstration
  dentasync-desktop check                   la base de données est-elle saine et à jour&#xa0;?
  dentasync-desktop backup                  sauvegarder dans le dossier des sauvegardes
  dentasync-desktop backup -o ~/wo.sqlite3 --user anna
  dentasync-desktop restore BACKUP_FILE --user anna
  dentasync-desktop print order WO-000123 -o wo.pdf --user anna
  dentasync-desktop report finance --view labs --format xlsx -o labs.xlsx --user anna
  dentasync-desktop --data-dir /tmp/big seed --orders 100000
  dentasync-desktop user add anna --role admin --full-name &quot;Anna Schäfer&quot;
  dentasync-desktop --lang de check         messages en allemand (ou $DENTASYNC_LANG)

connexion&#xa0;:
  print, report, backup -o, restore, user et seed dans une base de données en service
  demandent --user NAME&#xa0;; le mot de passe est demandé, ou lu dans $DENTASYNC_PASSWORD.</translation>
    </message>
    <message>
        <source>Moving {path} to {url}</source>
        <translation>Déplacement de {path} vers {url}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Money totals</source>
        <translation>Totaux monétaires</translation>
    </message>
    <message>
        <source>DIFFERENT: {table}: here {rows} row(s) {totals}, on the server {server_rows} row(s) {server_totals}</source>
        <translation>DIFFÉRENCE : {table} : ici {rows} ligne(s) {totals}, sur le serveur {server_rows} ligne(s) {server_totals}</translation>
    </message>
    <message>
        <source>The copy differs from the file; nothing was kept on the server.</source>
        <translation>La copie diffère du fichier ; rien n’a été conservé sur le serveur.</translation>
    </message>
    <message numerus="yes">
        <source>Attached files and the logo put into the server&apos;s database: %n</source>
        <translation>
            <numerusform>Fichiers joints et logo placés dans la base du serveur : %n</numerusform>
            <numerusform>Fichiers joints et logo placés dans la base du serveur : %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MISSING: %n attached file(s) are not in {folder}: their orders still list them, but they cannot be opened on the server. The log names them.</source>
        <translation>
            <numerusform>MANQUANT : %n fichier joint n’est pas dans {folder} : sa commande le liste toujours, mais il ne peut pas être ouvert sur le serveur. Le journal le nomme.</numerusform>
            <numerusform>MANQUANTS : %n fichiers joints ne sont pas dans {folder} : leurs commandes les listent toujours, mais ils ne peuvent pas être ouverts sur le serveur. Le journal les nomme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OK: %n row(s) moved in {seconds} s; the rows and money totals of every table are the same on the server.</source>
        <translation>
            <numerusform>OK : %n ligne déplacée en {seconds} s ; les lignes et totaux monétaires de chaque table sont identiques sur le serveur.</numerusform>
            <numerusform>OK : %n lignes déplacées en {seconds} s ; les lignes et totaux monétaires de chaque table sont identiques sur le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <source>This data folder uses the server from now on; its file stays as it was.</source>
        <translation>Ce dossier de données utilise désormais le serveur ; son fichier reste tel quel.</translation>
    </message>
    <message>
        <source>To use the server from now on, run on each PC: {command}</source>
        <translation>Pour utiliser désormais le serveur, exécutez sur chaque PC : {command}</translation>
    </message>
    <message>
        <source>{table}: {done} of {total} rows</source>
        <translation>{table} : {done} lignes sur {total}</translation>
    </message>
    <message>
        <source>New password for {name}: </source>
        <translation>Nouveau mot de passe de {name}&#xa0;: </translation>
    </message>
    <message>
        <source>Changed the password of {name}.</source>
        <translation>Mot de passe de {name} changé.</translation>
    </message>
    <message>
        <source>not a date (use YYYY-MM-DD): {text}</source>
        <translation>pas une date (utilisez AAAA-MM-JJ)&#xa0;: {text}</translation>
    </message>
    <message>
        <source>not a whole number: {text}</source>
        <translation>pas un nombre entier&#xa0;: {text}</translation>
    </message>
    <message>
        <source>must be at least 1, not {value}</source>
        <translation>doit valoir au moins 1, et non {value}</translation>
    </message>
    <message>
        <source>where the data lives</source>
        <translation>emplacement des données</translation>
    </message>
    <message>
        <source>keep the database, backups, attachments and logs under DIR (default: $DENTASYNC_DATA_DIR, else the user data folder)</source>
        <translation>conserver la base de données, les sauvegardes, les pièces jointes et les journaux sous DIR (par défaut&#xa0;: $DENTASYNC_DATA_DIR, sinon le dossier de données de l’utilisateur)</translation>
    </message>
    <message>
        <source>use the separate demo database, filled with demo data on first use (users admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)</source>
        <translation>utiliser la base de démonstration distincte, remplie de données de démonstration à la première utilisation (utilisateurs admin/admin123, manager/manager123, desk/desk1234, tech/tech1234)</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>sign in as NAME for commands that read or change clinic data (print, report, backup -o, restore, seed into a database in use, user); the password is asked for, or taken from ${variable}</source>
        <translation>se connecter en tant que NAME pour les commandes qui lisent ou modifient les données du cabinet (print, report, backup -o, restore, seed dans une base en service, user)&#xa0;; le mot de passe est demandé, ou lu dans ${variable}</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>the language of messages and documents (default: ${variable}, else the system&apos;s language when translated, else English)</source>
        <translation>la langue des messages et des documents (par défaut&#xa0;: ${variable}, sinon la langue du système si elle est traduite, sinon l’anglais)</translation>
    </message>
    <message>
        <source>check this installation end to end in a temporary data folder, without a screen (migrations, main window, an order, its printed form, a finance export)</source>
        <translation>vérifier cette installation de bout en bout dans un dossier de données temporaire, sans écran (migrations, fenêtre principale, une commande, son bon imprimé, un export financier)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>commandes</translation>
    </message>
    <message>
        <source>fill the database with synthetic data at scale</source>
        <translation>remplir la base de données de données synthétiques en volume</translation>
    </message>
    <message>
        <source>Add reproducible synthetic labs, dentists, patients and work orders (with payments and events) to the database, and print what was made.</source>
        <translation>Ajouter à la base de données des laboratoires, dentistes, patients et commandes synthétiques reproductibles (avec paiements et événements), et afficher ce qui a été créé.</translation>
    </message>
    <message>
        <source>number of work orders to create</source>
        <translation>nombre de commandes à créer</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same data (default 0)</source>
        <translation>graine aléatoire&#xa0;; la même graine donne les mêmes données (par défaut 0)</translation>
    </message>
    <message>
        <source>check the database and the folders</source>
        <translation>vérifier la base de données et les dossiers</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity, that its schema is up to date and complete, that no row refers to a missing one, that stored paid amounts match the payments, and that the folders exist. Prints the folders in use and one PROBLEM line per problem. Exit code 1 on a problem.</source>
        <translation>Vérifier l’intégrité de la base de données, que son schéma est à jour et complet, qu’aucune ligne ne fait référence à une ligne manquante, que les montants payés enregistrés correspondent aux paiements et que les dossiers existent. Affiche les dossiers utilisés et une ligne PROBLÈME par problème. Code de sortie 1 en cas de problème.</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>sauvegarder la base de données maintenant</translation>
    </message>
    <message>
        <source>write the backup to FILE instead</source>
        <translation>écrire la sauvegarde dans FILE à la place</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>remplacer la base de données par une sauvegarde</translation>
    </message>
    <message>
        <source>Copy the database consistently, even while the application is open. Without -o the copy goes to the backups folder (the newest 20 are kept). A database server is copied with PostgreSQL&apos;s pg_dump into a .dump file; pg_dump must be installed on this PC.</source>
        <translation>Copier la base de données de façon cohérente, même pendant que l’application est ouverte. Sans -o, la copie va dans le dossier des sauvegardes (les 20 plus récentes sont conservées). Un serveur de base de données est copié avec pg_dump de PostgreSQL dans un fichier .dump&#xa0;; pg_dump doit être installé sur ce PC.</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>commandes</translation>
    </message>
    <message>
        <source>items</source>
        <translation>articles</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tâches</translation>
    </message>
    <message>
        <source>payment plans</source>
        <translation>plans de paiement</translation>
    </message>
    <message>
        <source>installments</source>
        <translation>échéances</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>paiements</translation>
    </message>
    <message>
        <source>events</source>
        <translation>événements</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>commentaires</translation>
    </message>
    <message>
        <source>labs</source>
        <translation>laboratoires</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>patients</translation>
    </message>
    <message>
        <source>services</source>
        <translation>prestations</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personnel</translation>
    </message>
    <message>
        <source>first number</source>
        <translation>premier numéro</translation>
    </message>
    <message>
        <source>last number</source>
        <translation>dernier numéro</translation>
    </message>
    <message>
        <source>{done} / {total} orders</source>
        <translation>{done} / {total} commandes</translation>
    </message>
    <message>
        <source>database: {where}</source>
        <translation>base de données&#xa0;: {where}</translation>
    </message>
    <message>
        <source>backups: {where}</source>
        <translation>sauvegardes&#xa0;: {where}</translation>
    </message>
    <message>
        <source>attachments: {where}</source>
        <translation>pièces jointes&#xa0;: {where}</translation>
    </message>
    <message>
        <source>logs: {where}</source>
        <translation>journaux&#xa0;: {where}</translation>
    </message>
    <message>
        <source>settings: {where}</source>
        <translation>paramètres&#xa0;: {where}</translation>
    </message>
    <message>
        <source>migrations: {where}</source>
        <translation>migrations&#xa0;: {where}</translation>
    </message>
    <message>
        <source>schema: {found} (newest: {head})</source>
        <translation>schéma&#xa0;: {found} (le plus récent&#xa0;: {head})</translation>
    </message>
    <message>
        <source>newest backup: none</source>
        <translation>dernière sauvegarde&#xa0;: aucune</translation>
    </message>
    <message>
        <source>newest backup: {path} (made on {host}, {when})</source>
        <translation>dernière sauvegarde&#xa0;: {path} (faite sur {host}, {when})</translation>
    </message>
    <message>
        <source>Replace the database with FILE after checking that FILE is a sound, complete Dentasync Desktop database this version can open. The current database is kept in the backups folder first. Works when the current database is damaged. Refused while the application or another command has the database open. On a database server FILE is a backup made with pg_dump (pg_restore must be installed on this PC), and the restore is refused while other PCs are connected.</source>
        <translation>Remplacer la base de données par FILE après avoir vérifié que FILE est une base Dentasync Desktop saine et complète que cette version peut ouvrir. La base actuelle est d’abord conservée dans le dossier des sauvegardes. Fonctionne même si la base actuelle est endommagée. Refusé tant que l’application ou une autre commande a la base de données ouverte. Sur un serveur de base de données, FILE est une sauvegarde faite avec pg_dump (pg_restore doit être installé sur ce PC), et la restauration est refusée tant que d’autres PC sont connectés.</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>le fichier de sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>move this data folder&apos;s database to a PostgreSQL server</source>
        <translation>déplacer la base de données de ce dossier vers un serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Copy every row of this data folder&apos;s database file into the empty PostgreSQL database at URL, after creating its tables there. Then compare the rows and money totals of every table on both sides and print them. Refused while the application or another command has the file open, when the file needs an upgrade first, and when the server&apos;s database holds data already. Exit code 1 when anything differs (nothing is then kept on the server). The file itself is not changed. Attachment files stay in this data folder.</source>
        <translation>Copie chaque ligne du fichier de base de données de ce dossier dans la base PostgreSQL vide à l’URL, après y avoir créé ses tables. Compare ensuite les lignes et les totaux monétaires de chaque table des deux côtés et les affiche. Refusé tant que l’application ou une autre commande a le fichier ouvert, quand le fichier doit d’abord être mis à niveau, et quand la base du serveur contient déjà des données. Code de sortie 1 en cas de différence (rien n’est alors conservé sur le serveur). Le fichier lui-même n’est pas modifié. Les fichiers joints restent dans ce dossier de données.</translation>
    </message>
    <message>
        <source>the empty server database: postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE</source>
        <translation>la base vide du serveur : postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE</translation>
    </message>
    <message>
        <source>afterwards point this data folder at the server (the password goes to the OS keyring)</source>
        <translation>ensuite faire pointer ce dossier de données vers le serveur (le mot de passe va dans le trousseau du système)</translation>
    </message>
    <message>
        <source>print an order form, box label or payment instructions</source>
        <translation>imprimer un bon de commande, une étiquette de boîte ou des instructions de paiement</translation>
    </message>
    <message>
        <source>Write one work order&apos;s form, box label or payment instructions to a PDF file. NUMBER is the order number as shown (WO-000123) or just 123. The form, label and instructions are in the language set for the order&apos;s dental lab, else in the language of the messages.</source>
        <translation>Écrire le bon, l’étiquette de boîte ou les instructions de paiement d’une commande dans un fichier PDF. NUMBER est le numéro de commande tel qu’affiché (WO-000123) ou simplement 123. Le bon, l’étiquette et les instructions sont dans la langue définie pour le laboratoire dentaire de la commande, sinon dans la langue des messages.</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documents</translation>
    </message>
    <message>
        <source>the work order: WO-000123 or 123</source>
        <translation>la commande&#xa0;: WO-000123 ou 123</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>le fichier PDF à écrire</translation>
    </message>
    <message>
        <source>the work-order form</source>
        <translation>le bon de commande</translation>
    </message>
    <message>
        <source>sections to print, comma-separated: {sections} (default: as last chosen in the app)</source>
        <translation>sections à imprimer, séparées par des virgules&#xa0;: {sections} (par défaut&#xa0;: le dernier choix fait dans l’application)</translation>
    </message>
    <message>
        <source>paper size (default: Settings)</source>
        <translation>format du papier (par défaut&#xa0;: Paramètres)</translation>
    </message>
    <message>
        <source>a box label</source>
        <translation>une étiquette de boîte</translation>
    </message>
    <message>
        <source>label size in mm or inches (default: 62x29)</source>
        <translation>format d’étiquette en mm ou en pouces (par défaut&#xa0;: 62x29)</translation>
    </message>
    <message>
        <source>payment instructions: the lab&apos;s bank details and the amount due</source>
        <translation>instructions de paiement&#xa0;: les coordonnées bancaires du laboratoire et le montant dû</translation>
    </message>
    <message>
        <source>write a finance report (XLSX, PDF or CSV)</source>
        <translation>écrire un rapport financier (XLSX, PDF ou CSV)</translation>
    </message>
    <message>
        <source>Write a report of the finance page, as its tabs show it. Cancelled orders are excluded.</source>
        <translation>Écrire un rapport de la page Finances, tel que ses onglets l’affichent. Les commandes annulées sont exclues.</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>rapports</translation>
    </message>
    <message>
        <source>paid, total and outstanding per lab or per order</source>
        <translation>payé, total et restant dû par laboratoire ou par commande</translation>
    </message>
    <message>
        <source>The Dental labs or Work orders tab of the finance page with the given filters (on the documented date), as an XLSX, PDF or CSV file.</source>
        <translation>L’onglet Laboratoires dentaires ou Commandes de la page Finances avec les filtres donnés (sur la date de commande), en fichier XLSX, PDF ou CSV.</translation>
    </message>
    <message>
        <source>labs: one row per lab and currency; orders: one row per work order</source>
        <translation>labs&#xa0;: une ligne par laboratoire et par devise&#xa0;; orders&#xa0;: une ligne par commande</translation>
    </message>
    <message>
        <source>first documented date, YYYY-MM-DD</source>
        <translation>première date de commande, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>last documented date, YYYY-MM-DD</source>
        <translation>dernière date de commande, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>only this dental lab (its full name)</source>
        <translation>seulement ce laboratoire dentaire (son nom complet)</translation>
    </message>
    <message>
        <source>only orders paid by this payment method</source>
        <translation>seulement les commandes payées par ce mode de paiement</translation>
    </message>
    <message>
        <source>only orders with this payment status (orders view)</source>
        <translation>seulement les commandes ayant ce statut de paiement (vue orders)</translation>
    </message>
    <message>
        <source>xlsx (Excel), pdf, or csv (UTF-8 with BOM)</source>
        <translation>xlsx (Excel), pdf ou csv (UTF-8 avec BOM)</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>le fichier à écrire</translation>
    </message>
    <message>
        <source>list users, add a user, set a password</source>
        <translation>lister les utilisateurs, ajouter un utilisateur, définir un mot de passe</translation>
    </message>
    <message>
        <source>Manage the user accounts. Needs an administrator&apos;s --user, except to add the first administrator while the database has no active one (after &apos;seed&apos;, for example). New passwords are asked for twice, or taken from ${new_variable} (${variable} for the first administrator).</source>
        <translation>Gérer les comptes utilisateurs. Nécessite le --user d’un administrateur, sauf pour ajouter le premier administrateur tant que la base de données n’en a aucun d’actif (après &apos;seed&apos;, par exemple). Les nouveaux mots de passe sont demandés deux fois, ou lus dans ${new_variable} (${variable} pour le premier administrateur).</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>every user with role and status</source>
        <translation>chaque utilisateur avec son rôle et son statut</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>ajouter un utilisateur</translation>
    </message>
    <message>
        <source>the user name to sign in with</source>
        <translation>le nom d’utilisateur pour se connecter</translation>
    </message>
    <message>
        <source>what the user may do</source>
        <translation>ce que l’utilisateur peut faire</translation>
    </message>
    <message>
        <source>the name shown (default: NAME)</source>
        <translation>le nom affiché (par défaut&#xa0;: NAME)</translation>
    </message>
    <message>
        <source>set a user&apos;s password</source>
        <translation>définir le mot de passe d’un utilisateur</translation>
    </message>
    <message>
        <source>whose password to set</source>
        <translation>l’utilisateur dont définir le mot de passe</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Reset columns</source>
        <translation>Réinitialiser les colonnes</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
</context>
<context>
    <name>customers</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Dr. Jane Smith</source>
        <translation>Dr Marie Dupont</translation>
    </message>
    <message>
        <source>&amp;Clinic:</source>
        <translation>&amp;Cabinet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>The dentists and clinics who order work.</source>
        <translation>Les dentistes et cabinets qui commandent des travaux.</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Modifier le client</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Cabinet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>order number</source>
        <translation>numéro de commande</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>échéance</translation>
    </message>
    <message>
        <source>lab name</source>
        <translation>nom du laboratoire</translation>
    </message>
    <message>
        <source>patient name</source>
        <translation>nom du patient</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>nom du client</translation>
    </message>
    <message>
        <source>organisation name</source>
        <translation>nom de l’organisation</translation>
    </message>
    <message>
        <source>teeth</source>
        <translation>dents</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>teinte</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>The {what} was shortened to fit the {size} label: &apos;{text}&apos;.</source>
        <translation>Le champ «&#xa0;{what}&#xa0;» a été raccourci pour tenir sur l’étiquette {size}&#xa0;: «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Échéance {date}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Teeth</source>
        <translation>Dents</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Teinte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Box label {number}</source>
        <translation>Étiquette de boîte {number}</translation>
    </message>
    <message>
        <source>WORK ORDER</source>
        <translation>BON DE COMMANDE</translation>
    </message>
    <message>
        <source>(on hold)</source>
        <translation>(en attente)</translation>
    </message>
    <message>
        <source>remake</source>
        <translation>reprise</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Date de commande</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>né(e) le {date}</translation>
    </message>
    <message>
        <source>Contact: {name}</source>
        <translation>Personne à contacter&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Ordered teeth</source>
        <translation>Dents commandées</translation>
    </message>
    <message>
        <source>No teeth recorded</source>
        <translation>Aucune dent saisie</translation>
    </message>
    <message>
        <source>Teeth (FDI)</source>
        <translation>Dents (FDI)</translation>
    </message>
    <message>
        <source>Items and services</source>
        <translation>Articles et prestations</translation>
    </message>
    <message>
        <source>No items.</source>
        <translation>Aucun article.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Price adjustment</source>
        <translation>Ajustement de prix</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de travail</translation>
    </message>
    <message>
        <source>No work plan.</source>
        <translation>Aucun plan de travail.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Aucune description.</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Remake</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>Remake of</source>
        <translation>Reprise de</translation>
    </message>
    <message>
        <source>Copied from</source>
        <translation>Copiée de</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Numéro de suivi</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Patient note</source>
        <translation>Note sur le patient</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>Aucun commentaire.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Technician signature</source>
        <translation>Signature du prothésiste</translation>
    </message>
    <message>
        <source>Checked and released by</source>
        <translation>Contrôlé et validé par</translation>
    </message>
    <message>
        <source>Work order {number}</source>
        <translation>Commande {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n commande</numerusform>
            <numerusform>%n commandes</numerusform>
        </translation>
    </message>
    <message>
        <source>PAYMENT INSTRUCTIONS</source>
        <translation>INSTRUCTIONS DE PAIEMENT</translation>
    </message>
    <message>
        <source>Pay to</source>
        <translation>Payer à</translation>
    </message>
    <message>
        <source>Please quote the payment reference {reference} so the payment is matched to this work order.</source>
        <translation>Veuillez indiquer la référence de paiement {reference} afin que le paiement soit rapproché de cette commande.</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Nothing is due on {number}: it is paid in full.</source>
        <translation>Rien n’est dû sur {number}&#xa0;: elle est entièrement payée.</translation>
    </message>
    <message>
        <source>Total {total} · paid {paid}</source>
        <translation>Total {total} · payé {paid}</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <source>Total {total} (items {items}, price adjustment {adjustment}) · paid {paid}</source>
        <translation>Total {total} (articles {items}, ajustement de prix {adjustment}) · payé {paid}</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Restant à payer</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(en retard)</translation>
    </message>
    <message>
        <source>Open installments</source>
        <translation>Versements restants</translation>
    </message>
    <message>
        <source>Price adjustment, not in the installments</source>
        <translation>Ajustement de prix, non inclus dans les versements</translation>
    </message>
    <message>
        <source>{lab} has no IBAN on file, so the sheet shows no bank account. Add it to the dental lab&apos;s details.</source>
        <translation>{lab} n’a pas d’IBAN enregistré&#xa0;: la fiche n’indique donc aucun compte bancaire. Ajoutez-le dans les informations du laboratoire dentaire.</translation>
    </message>
    <message>
        <source>The bank details of {lab} are not valid ({problem}), so the sheet shows no bank account. Correct the dental lab&apos;s details.</source>
        <translation>Les coordonnées bancaires de {lab} ne sont pas valides ({problem})&#xa0;: la fiche n’indique donc aucun compte bancaire. Corrigez les informations du laboratoire dentaire.</translation>
    </message>
    <message>
        <source>not on file — please ask the lab</source>
        <translation>non enregistré — veuillez le demander au laboratoire</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Titulaire du compte</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>Référence de paiement</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Scan with a banking app (SEPA transfer)</source>
        <translation>À scanner avec une application bancaire (virement SEPA)</translation>
    </message>
    <message>
        <source>Payment instructions {number}</source>
        <translation>Instructions de paiement {number}</translation>
    </message>
    <message>
        <source>{number}: the patient {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}&#xa0;: le nom du patient {name} contient des caractères absents des polices d’impression ({missing})&#xa0;; ils s’impriment comme des cases vides.</translation>
    </message>
    <message>
        <source>{number}: the customer {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}&#xa0;: le nom du client {name} contient des caractères absents des polices d’impression ({missing})&#xa0;; ils s’impriment comme des cases vides.</translation>
    </message>
    <message>
        <source>{number}: the dental lab {name} has characters the printed fonts lack ({missing}); they print as empty boxes.</source>
        <translation>{number}&#xa0;: le nom du laboratoire dentaire {name} contient des caractères absents des polices d’impression ({missing})&#xa0;; ils s’impriment comme des cases vides.</translation>
    </message>
    <message>
        <source>The logo file &apos;{path}&apos; could not be read, so the header was printed without a logo. Choose another file in Settings.</source>
        <translation>Le fichier de logo «&#xa0;{path}&#xa0;» n’a pas pu être lu&#xa0;: l’en-tête a donc été imprimé sans logo. Choisissez un autre fichier dans les Paramètres.</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>En production</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Produite</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Prothésiste</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement bancaire</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Partiellement payé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Try-in</source>
        <translation>Essayage</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Collecte</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semaines</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Mois</translation>
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
        <translation>Publier</translation>
    </message>
    <message>
        <source>Start production</source>
        <translation>Lancer la production</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Marquer produite</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Expédier</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Livrer</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Créer une commande</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change customer</source>
        <translation>Changer de client</translation>
    </message>
    <message>
        <source>Plan work</source>
        <translation>Planifier le travail</translation>
    </message>
    <message>
        <source>Tick work-plan tasks</source>
        <translation>Cocher les tâches du plan de travail</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Rémunération</translation>
    </message>
    <message>
        <source>Finalize payroll</source>
        <translation>Clôturer la rémunération</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Update due date</source>
        <translation>Modifier l’échéance</translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation>Instructions de paiement</translation>
    </message>
    <message>
        <source>Adjust price</source>
        <translation>Ajuster le prix</translation>
    </message>
    <message>
        <source>Put on / take off hold</source>
        <translation>Mettre en attente / lever l’attente</translation>
    </message>
    <message>
        <source>Mark as remake</source>
        <translation>Marquer comme reprise</translation>
    </message>
    <message>
        <source>Add payment</source>
        <translation>Ajouter un paiement</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Invalider un paiement</translation>
    </message>
    <message>
        <source>Payment plan</source>
        <translation>Plan de paiement</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commenter</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Supprimer la commande</translation>
    </message>
    <message>
        <source>View finance</source>
        <translation>Consulter les finances</translation>
    </message>
    <message>
        <source>Manage customers and patients</source>
        <translation>Gérer les clients et les patients</translation>
    </message>
    <message>
        <source>Manage labs, services and staff</source>
        <translation>Gérer les laboratoires, les prestations et le personnel</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Gérer les utilisateurs</translation>
    </message>
    <message>
        <source>Manage settings</source>
        <translation>Gérer les paramètres</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarder</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Choose the database</source>
        <translation>Choisir la base de données</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation>Base de données occupée</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Nothing already saved was lost.</source>
        <translation>Un problème est survenu et l’action n’a pas abouti. Rien de ce qui était déjà enregistré n’a été perdu.</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Les détails ont été écrits dans le fichier journal&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>Only an administrator may add synthetic data to a database in use.</source>
        <translation>Seul un administrateur peut ajouter des données synthétiques à une base de données en service.</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow this action: {action}.</source>
        <translation>Votre rôle ({role}) ne permet pas cette action&#xa0;: {action}.</translation>
    </message>
    <message>
        <source>Only the author ({author}) can edit this comment.</source>
        <translation>Seul l’auteur ({author}) peut modifier ce commentaire.</translation>
    </message>
    <message>
        <source>Someone else changed this order in the meantime. It has been reloaded; please try again.</source>
        <translation>Quelqu’un d’autre a modifié cette commande entre-temps. Elle a été rechargée&#xa0;; veuillez réessayer.</translation>
    </message>
    <message>
        <source>Someone else changed this event in the meantime. It has been reloaded; please try again.</source>
        <translation>Quelqu’un d’autre a modifié cet événement entre-temps. Il a été rechargé&#xa0;; veuillez réessayer.</translation>
    </message>
    <message>
        <source>You are not signed in as a user of this database. Sign in again.</source>
        <translation>Vous n’êtes pas connecté en tant qu’utilisateur de cette base de données. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; has been deactivated, so you have been signed out. Ask an administrator to reactivate it.</source>
        <translation>Le compte «&#xa0;{username}&#xa0;» a été désactivé&#xa0;: vous avez donc été déconnecté. Demandez à un administrateur de le réactiver.</translation>
    </message>
    <message>
        <source>An administrator changed your role to {role}. Sign in again to continue with the new role.</source>
        <translation>Un administrateur a changé votre rôle en {role}. Reconnectez-vous pour continuer avec le nouveau rôle.</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>Il n’existe aucune commande {number}.</translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation>Utilisateur inconnu ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Unknown user or wrong password. Too many wrong passwords: wait {wait} before the next attempt.</source>
        <translation>Utilisateur inconnu ou mot de passe incorrect. Trop de mots de passe incorrects&#xa0;: attendez {wait} avant la prochaine tentative.</translation>
    </message>
    <message>
        <source>Too many wrong passwords for &apos;{username}&apos;. Wait {wait}, then try again.</source>
        <translation>Trop de mots de passe incorrects pour «&#xa0;{username}&#xa0;». Attendez {wait}, puis réessayez.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is deactivated. Ask an administrator to reactivate it.</source>
        <translation>Le compte «&#xa0;{username}&#xa0;» est désactivé. Demandez à un administrateur de le réactiver.</translation>
    </message>
    <message>
        <source>An administrator account already exists; sign in, or ask an administrator to create your account.</source>
        <translation>Un compte administrateur existe déjà&#xa0;; connectez-vous, ou demandez à un administrateur de créer votre compte.</translation>
    </message>
    <message>
        <source>The database is busy, please try again.</source>
        <translation>La base de données est occupée, veuillez réessayer.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space (empty the recycle bin, move or delete large files), then try again. Nothing is damaged.</source>
        <translation>Le disque contenant {path} est plein. Libérez de l’espace (videz la corbeille, déplacez ou supprimez des fichiers volumineux), puis réessayez. Rien n’est endommagé.</translation>
    </message>
    <message>
        <source>{path} cannot be written: the file, its folder or the disk is read-only. Make them writable (check the file&apos;s properties and that the disk is not write-protected), then try again. Nothing is damaged.</source>
        <translation>Impossible d’écrire dans {path}&#xa0;: le fichier, son dossier ou le disque est en lecture seule. Rendez-les accessibles en écriture (vérifiez les propriétés du fichier et que le disque n’est pas protégé en écriture), puis réessayez. Rien n’est endommagé.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: permission denied. Check that your user account may read and write this file and its folder, then try again.</source>
        <translation>Impossible d’ouvrir {path}&#xa0;: autorisation refusée. Vérifiez que votre compte utilisateur peut lire et écrire ce fichier et son dossier, puis réessayez.</translation>
    </message>
    <message>
        <source>{path} is locked by another program (a sync or backup tool, or another copy of Dentasync Desktop). Close it or wait a moment, then try again.</source>
        <translation>{path} est verrouillé par un autre programme (un outil de synchronisation ou de sauvegarde, ou une autre copie de Dentasync Desktop). Fermez-le ou patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>{path} cannot be opened. Check that the disk is connected and has free space, and that your user account may read and write the file and its folder, then try again.</source>
        <translation>Impossible d’ouvrir {path}. Vérifiez que le disque est connecté et dispose d’espace libre, et que votre compte utilisateur peut lire et écrire le fichier et son dossier, puis réessayez.</translation>
    </message>
    <message>
        <source>The disk reported an error while using {path}. Check that the disk is connected and has free space, then try again.</source>
        <translation>Le disque a signalé une erreur lors de l’utilisation de {path}. Vérifiez que le disque est connecté et dispose d’espace libre, puis réessayez.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problems}). The newest backup is {backup}; restore it with &apos;dentasync-desktop restore &quot;{backup}&quot;&apos;.</source>
        <translation>La base de données {path} est endommagée ({problems}). La sauvegarde la plus récente est {backup}&#xa0;; restaurez-la avec &apos;dentasync-desktop restore &quot;{backup}&quot;&apos;.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problems}). No backup was found.</source>
        <translation>La base de données {path} est endommagée ({problems}). Aucune sauvegarde n’a été trouvée.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Dentasync Desktop (schema {schema}). Install the newer version to open it.</source>
        <translation>Cette base de données a été écrite par une version plus récente de Dentasync Desktop (schéma {schema}). Installez la version plus récente pour l’ouvrir.</translation>
    </message>
    <message>
        <source>The database {path} is being restored by another Dentasync Desktop process. Try again when the restore has finished.</source>
        <translation>La base de données {path} est en cours de restauration par un autre processus Dentasync Desktop. Réessayez lorsque la restauration sera terminée.</translation>
    </message>
    <message>
        <source>Dentasync Desktop is already open on {path} ({holder}). Switch to that window, or close it and start again.</source>
        <translation>Dentasync Desktop est déjà ouvert sur {path} ({holder}). Passez à cette fenêtre, ou fermez-la et redémarrez.</translation>
    </message>
    <message>
        <source>There is no database to back up at {path}.</source>
        <translation>Il n’y a aucune base de données à sauvegarder dans {path}.</translation>
    </message>
    <message>
        <source>The database {path} is open in another Dentasync Desktop window or command. Close it (or let the command finish), then restore again. Nothing was changed.</source>
        <translation>La base de données {path} est ouverte dans une autre fenêtre ou commande Dentasync Desktop. Fermez-la (ou laissez la commande se terminer), puis relancez la restauration. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The database {path} is open in another Dentasync Desktop window or command; the window is {holder}. Close it (or let the command finish), then restore again. Nothing was changed.</source>
        <translation>La base de données {path} est ouverte dans une autre fenêtre ou commande Dentasync Desktop&#xa0;; la fenêtre est {holder}. Fermez-la (ou laissez la commande se terminer), puis relancez la restauration. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The server refused the password of the user {user}.</source>
        <translation>Le serveur a refusé le mot de passe de l’utilisateur {user}.</translation>
    </message>
    <message>
        <source>The server asks for the password of the user {user}; none was given.</source>
        <translation>Le serveur demande le mot de passe de l’utilisateur {user}&#xa0;; aucun n’a été donné.</translation>
    </message>
    <message>
        <source>The server has no user called {user}.</source>
        <translation>Le serveur n’a pas d’utilisateur nommé {user}.</translation>
    </message>
    <message>
        <source>The server has no database called {database}.</source>
        <translation>Le serveur n’a pas de base de données nommée {database}.</translation>
    </message>
    <message>
        <source>No database server answers at {host}, port {port}. Check the address, the port, that the server runs and that its firewall lets this PC in.</source>
        <translation>Aucun serveur de base de données ne répond à {host}, port {port}. Vérifiez l’adresse, le port, que le serveur fonctionne et que son pare-feu laisse passer ce PC.</translation>
    </message>
    <message>
        <source>The server name {host} is not known on this network.</source>
        <translation>Le nom de serveur {host} est inconnu sur ce réseau.</translation>
    </message>
    <message>
        <source>{host} did not answer within {timeout} seconds.</source>
        <translation>{host} n’a pas répondu en {timeout} secondes.</translation>
    </message>
    <message>
        <source>The server lets this PC in only over TLS: choose the TLS mode &quot;require&quot;.</source>
        <translation>Le serveur n’accepte ce PC qu’en TLS&#xa0;: choisissez le mode TLS «&#xa0;require&#xa0;».</translation>
    </message>
    <message>
        <source>The server does not offer TLS: choose the TLS mode &quot;prefer&quot;, or set TLS up on the server.</source>
        <translation>Le serveur ne propose pas TLS&#xa0;: choisissez le mode TLS «&#xa0;prefer&#xa0;» ou configurez TLS sur le serveur.</translation>
    </message>
    <message>
        <source>The server does not let the user {user} in from this PC: add a line for it to the server&apos;s pg_hba.conf.</source>
        <translation>Le serveur n’accepte pas l’utilisateur {user} depuis ce PC&#xa0;: ajoutez-lui une ligne dans le pg_hba.conf du serveur.</translation>
    </message>
    <message>
        <source>There is no database at {path} to move to a server.</source>
        <translation>Il n’y a aucune base de données dans {path} à déplacer vers un serveur.</translation>
    </message>
    <message>
        <source>This data folder already uses the database server {url}. migrate-to copies this computer&apos;s database file; give --database-url local first.</source>
        <translation>Ce dossier de données utilise déjà le serveur de base de données {url}. migrate-to copie le fichier de base de données de cet ordinateur ; indiquez d’abord --database-url local.</translation>
    </message>
    <message>
        <source>The database {path} is at schema {schema}, not at {head} as this version expects. Start Dentasync Desktop once on this data folder (it upgrades the file), close it, then move it again.</source>
        <translation>La base de données {path} est au schéma {schema}, et non {head} comme l’attend cette version. Lancez Dentasync Desktop une fois sur ce dossier de données (il met le fichier à niveau), fermez-le, puis relancez le déplacement.</translation>
    </message>
    <message>
        <source>The database {path} is open in a Dentasync Desktop window or command. Close it (or let the command finish), then move it again. Nothing was copied.</source>
        <translation>La base de données {path} est ouverte dans une fenêtre ou commande Dentasync Desktop. Fermez-la (ou laissez la commande se terminer), puis relancez le déplacement. Rien n’a été copié.</translation>
    </message>
    <message>
        <source>The database on the server {url} already holds Dentasync data (in {tables}). migrate-to only fills an empty database; create a new one for it. Nothing was copied.</source>
        <translation>La base de données du serveur {url} contient déjà des données Dentasync (dans {tables}). migrate-to ne remplit qu’une base vide ; créez-en une nouvelle. Rien n’a été copié.</translation>
    </message>
    <message>
        <source>The file of &apos;{name}&apos; is missing from the attachments folder ({folder}). Restore it from a backup or add it again.</source>
        <translation>Le fichier de «&#xa0;{name}&#xa0;» est absent du dossier des pièces jointes ({folder}). Restaurez-le depuis une sauvegarde ou ajoutez-le à nouveau.</translation>
    </message>
    <message>
        <source>The content of &apos;{name}&apos; is missing from the database. Restore the database from a backup or add the file again.</source>
        <translation>Le contenu de «&#xa0;{name}&#xa0;» est absent de la base de données. Restaurez la base de données depuis une sauvegarde ou ajoutez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>Contains characters that are not valid text.</source>
        <translation>Contient des caractères qui ne sont pas du texte valide.</translation>
    </message>
    <message>
        <source>Too long ({length} characters, at most {limit}).</source>
        <translation>Trop long ({length} caractères, au plus {limit}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Doit être un nombre entier.</translation>
    </message>
    <message>
        <source>Must be between {minimum} and {maximum}.</source>
        <translation>Doit être compris entre {minimum} et {maximum}.</translation>
    </message>
    <message>
        <source>Cannot be before the documented date.</source>
        <translation>Ne peut pas être antérieure à la date de commande.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Pas une date.</translation>
    </message>
    <message>
        <source>No such record.</source>
        <translation>Enregistrement introuvable.</translation>
    </message>
    <message>
        <source>A currency is required.</source>
        <translation>Une devise est obligatoire.</translation>
    </message>
    <message>
        <source>Unknown currency code &apos;{value}&apos;.</source>
        <translation>Code de devise inconnu «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>Not an amount of money.</source>
        <translation>Pas un montant.</translation>
    </message>
    <message>
        <source>Too large (at most {maximum} {currency}).</source>
        <translation>Trop élevé (au plus {maximum} {currency}).</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Pas un nombre.</translation>
    </message>
    <message>
        <source>An amount is required.</source>
        <translation>Un montant est obligatoire.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid amount.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un montant valide.</translation>
    </message>
    <message>
        <source>Must be at least {minimum}.</source>
        <translation>Doit être au moins égal à {minimum}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a tooth in FDI notation (11-48, 51-85).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une dent en notation FDI (11-48, 51-85).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an order number.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un numéro de commande.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>Ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>Doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>Choose an active staff member.</source>
        <translation>Choisissez un membre du personnel actif.</translation>
    </message>
    <message>
        <source>Choose an active customer.</source>
        <translation>Choisissez un client actif.</translation>
    </message>
    <message>
        <source>Already the order&apos;s customer.</source>
        <translation>Déjà le client de la commande.</translation>
    </message>
    <message>
        <source>An order cannot be a remake of itself.</source>
        <translation>Une commande ne peut pas être une reprise d’elle-même.</translation>
    </message>
    <message>
        <source>Cannot be in the future.</source>
        <translation>Ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La date de début est postérieure à la date de fin.</translation>
    </message>
    <message>
        <source>Must be after the start.</source>
        <translation>Doit être postérieure au début.</translation>
    </message>
    <message>
        <source>At most {days} days at a time.</source>
        <translation>{days} jours au maximum à la fois.</translation>
    </message>
    <message>
        <source>Needs a time zone.</source>
        <translation>Nécessite un fuseau horaire.</translation>
    </message>
    <message>
        <source>A date and time is required.</source>
        <translation>Une date et une heure sont obligatoires.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Le dossier {path} n’existe pas.</translation>
    </message>
    <message>
        <source>Must be one of {choices}.</source>
        <translation>Doit être l’une des valeurs suivantes&#xa0;: {choices}.</translation>
    </message>
    <message>
        <source>Cannot sort by &apos;{value}&apos;.</source>
        <translation>Impossible de trier par «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>Choose a file to attach.</source>
        <translation>Choisissez un fichier à joindre.</translation>
    </message>
    <message>
        <source>Select at least one work order to print.</source>
        <translation>Sélectionnez au moins une commande à imprimer.</translation>
    </message>
    <message>
        <source>Must differ from the current password.</source>
        <translation>Doit être différent du mot de passe actuel.</translation>
    </message>
    <message>
        <source>Not correct.</source>
        <translation>Incorrect.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte.</translation>
    </message>
    <message>
        <source>Cannot combine {first} and {second} amounts.</source>
        <translation>Impossible de combiner des montants en {first} et en {second}.</translation>
    </message>
    <message>
        <source>{record} #{id} does not exist.</source>
        <translation>{record} #{id} n’existe pas.</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>Il n’existe aucune commande {number}.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} n’existe pas.</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {problems}.</source>
        <translation>Impossible de restaurer {path}&#xa0;: {problems}.</translation>
    </message>
    <message>
        <source>{path} is not a Dentasync Desktop database.</source>
        <translation>{path} n’est pas une base de données Dentasync Desktop.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Dentasync Desktop; update the app first.</source>
        <translation>{path} a été créé par une version plus récente de Dentasync Desktop&#xa0;; mettez d’abord l’application à jour.</translation>
    </message>
    <message>
        <source>Migration left {count} broken references.</source>
        <translation>La migration a laissé {count} références rompues.</translation>
    </message>
    <message>
        <source>The migrations have {count} heads; expected one.</source>
        <translation>Les migrations ont {count} têtes&#xa0;; une seule était attendue.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate could not be verified: {reason}.</source>
        <translation>Le certificat TLS du serveur n’a pas pu être vérifié&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The server refused the connection: {reason}.</source>
        <translation>Le serveur a refusé la connexion&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot connect to the database server {url}: {reason}.</source>
        <translation>Impossible de se connecter au serveur de base de données {url}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The database URL is not valid ({reason}). Expected {expected}.</source>
        <translation>L’URL de la base de données n’est pas valide ({reason}). Forme attendue&#xa0;: {expected}.</translation>
    </message>
    <message>
        <source>The database URL must start with {driver}://, not {given}://.</source>
        <translation>L’URL de la base de données doit commencer par {driver}://, et non par {given}://.</translation>
    </message>
    <message>
        <source>The database URL {url} names no host or no database.</source>
        <translation>L’URL de base de données {url} n’indique pas d’hôte ou pas de base de données.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a server name or address (e.g. clinic-server or 192.168.1.10).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un nom ni une adresse de serveur (p. ex. serveur-cabinet ou 192.168.1.10).</translation>
    </message>
    <message>
        <source>{tool} was not found on this PC; it is needed to back up or restore the database server (PostgreSQL {version}). Install PostgreSQL&apos;s client tools, version {version} or newer: on Windows or macOS with the installer from postgresql.org, on Debian or Ubuntu with &apos;sudo apt install postgresql-client-{version}&apos;. If they are installed elsewhere, set DENTASYNC_PG_BIN to their folder. Then try again.</source>
        <translation>{tool} est introuvable sur ce PC&#xa0;; il est nécessaire pour sauvegarder ou restaurer le serveur de base de données (PostgreSQL {version}). Installez les outils client de PostgreSQL, version {version} ou plus récente&#xa0;: sous Windows ou macOS avec l’installateur de postgresql.org, sous Debian ou Ubuntu avec &apos;sudo apt install postgresql-client-{version}&apos;. S’ils sont installés ailleurs, indiquez leur dossier dans DENTASYNC_PG_BIN. Puis réessayez.</translation>
    </message>
    <message>
        <source>{tool} at {path} is version {found}, older than the database server (PostgreSQL {version}). Install PostgreSQL&apos;s client tools, version {version} or newer (on Debian or Ubuntu: &apos;sudo apt install postgresql-client-{version}&apos;), then try again.</source>
        <translation>{tool} dans {path} est en version {found}, plus ancienne que le serveur de base de données (PostgreSQL {version}). Installez les outils client de PostgreSQL, version {version} ou plus récente (sous Debian ou Ubuntu&#xa0;: &apos;sudo apt install postgresql-client-{version}&apos;), puis réessayez.</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}.</source>
        <translation>{tool} a échoué&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a backup of a database server (a pg_dump archive, usually a .dump file).</source>
        <translation>{path} n’est pas une sauvegarde d’un serveur de base de données (une archive pg_dump, généralement un fichier .dump).</translation>
    </message>
    <message>
        <source>There is no user called &apos;{name}&apos;.</source>
        <translation>Il n’existe aucun utilisateur nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a label size; choose {choices}.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un format d’étiquette&#xa0;; choisissez {choices}.</translation>
    </message>
    <message>
        <source>Unknown section &apos;{value}&apos;; choose from {choices}.</source>
        <translation>Section inconnue «&#xa0;{value}&#xa0;»&#xa0;; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a paper size; choose a4 or letter.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un format de papier&#xa0;; choisissez a4 ou letter.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {choices}.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas l’une des valeurs suivantes&#xa0;: {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an IBAN (a country code, 2 check digits, then the account in letters and digits).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un IBAN (un code pays, 2 chiffres de contrôle, puis le compte en lettres et chiffres).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a country that uses IBANs.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un pays qui utilise l’IBAN.</translation>
    </message>
    <message>
        <source>An IBAN from {country} has {length} characters, this one has {actual}.</source>
        <translation>Un IBAN du pays {country} comporte {length} caractères, celui-ci en a {actual}.</translation>
    </message>
    <message>
        <source>The check digits do not match; please check for typos.</source>
        <translation>Les chiffres de contrôle ne correspondent pas&#xa0;; vérifiez qu’il n’y a pas de faute de frappe.</translation>
    </message>
    <message>
        <source>Does not have the form of an IBAN from {country}; please check for typos.</source>
        <translation>N’a pas la forme d’un IBAN du pays {country}&#xa0;; vérifiez qu’il n’y a pas de faute de frappe.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un BIC&#xa0;: il comporte 8 ou 11 lettres et chiffres, p. ex. COBADEFFXXX.</translation>
    </message>
    <message>
        <source>&apos;{country}&apos; in &apos;{value}&apos; is not a country code (letters 5 and 6 of a BIC name the bank&apos;s country).</source>
        <translation>«&#xa0;{country}&#xa0;» dans «&#xa0;{value}&#xa0;» n’est pas un code pays (les lettres 5 et 6 d’un BIC indiquent le pays de la banque).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a BIC: 4 letters for the bank, 2 for the country, 2 for the place, maybe 3 for the branch (e.g. COBADEFFXXX).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un BIC&#xa0;: 4 lettres pour la banque, 2 pour le pays, 2 pour la localité, éventuellement 3 pour l’agence (p. ex. COBADEFFXXX).</translation>
    </message>
    <message>
        <source>The plan amount must be greater than zero.</source>
        <translation>Le montant du plan doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>More installments than the amount can be split into.</source>
        <translation>Trop de versements pour le montant à répartir.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not exist (any more).</source>
        <translation>«&#xa0;{name}&#xa0;» n’existe pas (ou plus).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be read: {reason}.</source>
        <translation>Impossible de lire «&#xa0;{name}&#xa0;»&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a possible file name.</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un nom de fichier possible.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a folder; choose a file.</source>
        <translation>«&#xa0;{name}&#xa0;» est un dossier&#xa0;; choisissez un fichier.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an ordinary file.</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is too large ({size_mb} MB); the limit is {limit_mb} MB.</source>
        <translation>«&#xa0;{name}&#xa0;» est trop volumineux ({size_mb} Mo)&#xa0;; la limite est de {limit_mb} Mo.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was already removed.</source>
        <translation>«&#xa0;{name}&#xa0;» a déjà été retiré.</translation>
    </message>
    <message>
        <source>Needs a date and time with a time zone.</source>
        <translation>Nécessite une date et une heure avec un fuseau horaire.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of appointment.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un type de rendez-vous.</translation>
    </message>
    <message>
        <source>The event is already done.</source>
        <translation>L’événement est déjà fait.</translation>
    </message>
    <message>
        <source>The event is already open.</source>
        <translation>L’événement est déjà ouvert.</translation>
    </message>
    <message>
        <source>At most {limit} per service.</source>
        <translation>{limit} au maximum par prestation.</translation>
    </message>
    <message>
        <source>{record} {name} is already active.</source>
        <translation>{record} {name} est déjà à l’état actif.</translation>
    </message>
    <message>
        <source>{record} {name} is already inactive.</source>
        <translation>{record} {name} est déjà à l’état inactif.</translation>
    </message>
    <message>
        <source>A dental lab named &apos;{name}&apos; already exists.</source>
        <translation>Un laboratoire dentaire nommé «&#xa0;{name}&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>A customer named &apos;{name}&apos; already exists.</source>
        <translation>Un client nommé «&#xa0;{name}&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>A customer named &apos;{name}&apos; at {clinic} already exists.</source>
        <translation>Un client nommé «&#xa0;{name}&#xa0;» du cabinet {clinic} existe déjà.</translation>
    </message>
    <message>
        <source>The code &apos;{value}&apos; is already used by another service.</source>
        <translation>Le code «&#xa0;{value}&#xa0;» est déjà utilisé par une autre prestation.</translation>
    </message>
    <message>
        <source>The page continues another sort order.</source>
        <translation>La page poursuit un autre ordre de tri.</translation>
    </message>
    <message>
        <source>At most {limit} items per order.</source>
        <translation>{limit} articles au maximum par commande.</translation>
    </message>
    <message>
        <source>At most {limit} tasks per order.</source>
        <translation>{limit} tâches au maximum par commande.</translation>
    </message>
    <message>
        <source>The order total {total} is too large (at most {maximum}).</source>
        <translation>Le total de la commande {total} est trop élevé ({maximum} au maximum).</translation>
    </message>
    <message>
        <source>Must be in the order currency {currency}.</source>
        <translation>Doit être en {currency}, la devise de la commande.</translation>
    </message>
    <message>
        <source>The total {total} would be below what is already paid ({paid}); void payments first.</source>
        <translation>Le total {total} serait inférieur à ce qui est déjà payé ({paid})&#xa0;; invalidez d’abord des paiements.</translation>
    </message>
    <message>
        <source>The total {total} would be below the payment plan ({plan}); change the plan first.</source>
        <translation>Le total {total} serait inférieur au plan de paiement ({plan})&#xa0;; modifiez d’abord le plan.</translation>
    </message>
    <message>
        <source>{record} is deactivated.</source>
        <translation>{record} est désactivé.</translation>
    </message>
    <message>
        <source>Cannot change while payments or a plan exist.</source>
        <translation>Impossible de modifier tant que des paiements ou un plan existent.</translation>
    </message>
    <message>
        <source>Payments or a plan exist in {currency}; void them first.</source>
        <translation>Des paiements ou un plan existent en {currency}&#xa0;; invalidez-les d’abord.</translation>
    </message>
    <message>
        <source>The order is already on hold.</source>
        <translation>La commande est déjà en attente.</translation>
    </message>
    <message>
        <source>The order is already not on hold.</source>
        <translation>La commande n’est pas en attente.</translation>
    </message>
    <message>
        <source>{number} does not exist.</source>
        <translation>{number} n’existe pas.</translation>
    </message>
    <message>
        <source>The file name contains a NUL character.</source>
        <translation>Le nom de fichier contient un caractère NUL.</translation>
    </message>
    <message>
        <source>The file name contains characters that are not valid text.</source>
        <translation>Le nom de fichier contient des caractères qui ne sont pas du texte valide.</translation>
    </message>
    <message>
        <source>The file name is too long; choose a shorter one.</source>
        <translation>Le nom de fichier est trop long&#xa0;; choisissez-en un plus court.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a {kind} file.</source>
        <translation>{path} est un dossier&#xa0;; indiquez le nom d’un fichier {kind}.</translation>
    </message>
    <message>
        <source>Must be the order currency {currency}, not {given}.</source>
        <translation>Doit être en {currency}, la devise de la commande, et non en {given}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a payment method.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un mode de paiement.</translation>
    </message>
    <message>
        <source>Cannot be more than the order total ({total}).</source>
        <translation>Ne peut pas dépasser le total de la commande ({total}).</translation>
    </message>
    <message>
        <source>The installments would fall after the year {year}.</source>
        <translation>Les versements tomberaient après l’année {year}.</translation>
    </message>
    <message>
        <source>The order has no payment plan.</source>
        <translation>La commande n’a pas de plan de paiement.</translation>
    </message>
    <message>
        <source>More than the balance ({balance}).</source>
        <translation>Supérieur au solde ({balance}).</translation>
    </message>
    <message>
        <source>The order is already fully paid.</source>
        <translation>La commande est déjà entièrement payée.</translation>
    </message>
    <message>
        <source>Was already voided: {reason}.</source>
        <translation>A déjà été invalidé&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Must be days, weeks or months.</source>
        <translation>Doit être en jours, semaines ou mois.</translation>
    </message>
    <message>
        <source>Was finalized on {date} and is locked.</source>
        <translation>A été clôturé le {date} et est verrouillé.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a reminder.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un rappel.</translation>
    </message>
    <message>
        <source>No dental lab is called &apos;{name}&apos; (the labs are: {labs}).</source>
        <translation>Aucun laboratoire dentaire ne s’appelle «&#xa0;{name}&#xa0;» (les laboratoires sont&#xa0;: {labs}).</translation>
    </message>
    <message>
        <source>Must be a PNG or JPEG image (.png, .jpg or .jpeg).</source>
        <translation>Doit être une image PNG ou JPEG (.png, .jpg ou .jpeg).</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n’existe pas.</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} n’est pas une image PNG ou JPEG.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a preference key (letters, digits, dots, hyphens, underscores; at most 95 characters).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une clé de préférence (lettres, chiffres, points, traits d’union, traits de soulignement&#xa0;; 95 caractères au maximum).</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}.</source>
        <translation>Impossible d’utiliser {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Impossible de lire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Use 3 to 50 characters: letters a-z, digits, dots, hyphens or underscores.</source>
        <translation>Utilisez de 3 à 50 caractères&#xa0;: lettres a-z, chiffres, points, traits d’union ou traits de soulignement.</translation>
    </message>
    <message>
        <source>Must be at least {minimum} characters long.</source>
        <translation>Doit comporter au moins {minimum} caractères.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a role (one of {choices}).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un rôle (valeurs possibles&#xa0;: {choices}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is already taken.</source>
        <translation>«&#xa0;{value}&#xa0;» est déjà pris.</translation>
    </message>
    <message>
        <source>{username} is already active.</source>
        <translation>{username} est déjà actif.</translation>
    </message>
    <message>
        <source>{username} is already deactivated.</source>
        <translation>{username} est déjà désactivé.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator; make another user an administrator first.</source>
        <translation>{username} est le dernier administrateur actif&#xa0;; nommez d’abord un autre utilisateur administrateur.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator.</source>
        <translation>{username} est le dernier administrateur actif.</translation>
    </message>
    <message>
        <source>Nothing to plan: none of the order&apos;s services has task templates.</source>
        <translation>Rien à planifier&#xa0;: aucune prestation de la commande n’a de modèles de tâches.</translation>
    </message>
    <message>
        <source>Nothing to plan: every template task is already in the work plan.</source>
        <translation>Rien à planifier&#xa0;: toutes les tâches des modèles sont déjà dans le plan de travail.</translation>
    </message>
    <message>
        <source>The task is already first.</source>
        <translation>La tâche est déjà la première.</translation>
    </message>
    <message>
        <source>The task is already last.</source>
        <translation>La tâche est déjà la dernière.</translation>
    </message>
    <message>
        <source>The task is already where it is.</source>
        <translation>La tâche est déjà à cet emplacement.</translation>
    </message>
    <message>
        <source>The task is already assigned to {name}.</source>
        <translation>La tâche est déjà assignée à {name}.</translation>
    </message>
    <message>
        <source>The task is already unassigned.</source>
        <translation>La tâche n’est assignée à personne.</translation>
    </message>
    <message>
        <source>The task is already done.</source>
        <translation>La tâche est déjà faite.</translation>
    </message>
    <message>
        <source>The task is already open.</source>
        <translation>La tâche est déjà ouverte.</translation>
    </message>
    <message>
        <source>the file is not an SQLite database</source>
        <translation>le fichier n’est pas une base de données SQLite</translation>
    </message>
    <message>
        <source>the header names an impossible page size ({page_size})</source>
        <translation>l’en-tête indique une taille de page impossible ({page_size})</translation>
    </message>
    <message>
        <source>the file is cut short ({size} bytes of {expected})</source>
        <translation>le fichier est tronqué ({size} octets sur {expected})</translation>
    </message>
    <message>
        <source>tables missing: {names}</source>
        <translation>tables manquantes&#xa0;: {names}</translation>
    </message>
    <message>
        <source>indexes missing: {names}</source>
        <translation>index manquants&#xa0;: {names}</translation>
    </message>
    <message>
        <source>triggers missing: {names}</source>
        <translation>déclencheurs manquants&#xa0;: {names}</translation>
    </message>
    <message>
        <source>columns missing: {names}</source>
        <translation>colonnes manquantes&#xa0;: {names}</translation>
    </message>
    <message>
        <source>the database {path} does not exist yet</source>
        <translation>la base de données {path} n’existe pas encore</translation>
    </message>
    <message>
        <source>folder missing: {path}</source>
        <translation>dossier manquant&#xa0;: {path}</translation>
    </message>
    <message>
        <source>integrity: {problem}</source>
        <translation>intégrité&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>this is not a Dentasync Desktop database (no schema version)</source>
        <translation>ce n’est pas une base de données Dentasync Desktop (aucune version de schéma)</translation>
    </message>
    <message>
        <source>schema is at {schema}, expected {head}</source>
        <translation>le schéma est {schema}, {head} attendu</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>des paiements</translation>
    </message>
    <message>
        <source>a payment plan</source>
        <translation>un plan de paiement</translation>
    </message>
    <message>
        <source>events</source>
        <translation>des événements</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>des pièces jointes</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>des commentaires</translation>
    </message>
    <message>
        <source>payroll records</source>
        <translation>des rémunérations</translation>
    </message>
    <message>
        <source>work-plan tasks done</source>
        <translation>des tâches du plan de travail faites</translation>
    </message>
    <message>
        <source>copies or remakes</source>
        <translation>des copies ou des reprises</translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} et %n autre</numerusform>
            <numerusform>{numbers} et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose stored paid amount disagrees with their payments: {numbers}</source>
        <translation>
            <numerusform>%n commande dont le montant payé enregistré ne correspond pas à ses paiements&#xa0;: {numbers}</numerusform>
            <numerusform>%n commandes dont le montant payé enregistré ne correspond pas à leurs paiements&#xa0;: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s) whose payments are in another currency: {numbers}</source>
        <translation>
            <numerusform>%n commande dont les paiements sont dans une autre devise&#xa0;: {numbers}</numerusform>
            <numerusform>%n commandes dont les paiements sont dans une autre devise&#xa0;: {numbers}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of {table} refer to {parent} rows that do not exist</source>
        <translation>
            <numerusform>%n ligne de {table} fait référence à des lignes de {parent} qui n’existent pas</numerusform>
            <numerusform>%n lignes de {table} font référence à des lignes de {parent} qui n’existent pas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <source>{action} is not possible for an order that is {status}.</source>
        <translation>{action} n’est pas possible pour une commande au statut «&#xa0;{status}&#xa0;».</translation>
    </message>
    <message>
        <source>The order is on hold: take it off hold first.</source>
        <translation>La commande est en attente&#xa0;: levez d’abord l’attente.</translation>
    </message>
    <message>
        <source>Only a draft can be deleted; this order is {status}: cancel it instead.</source>
        <translation>Seul un brouillon peut être supprimé&#xa0;; cette commande est au statut «&#xa0;{status}&#xa0;»&#xa0;: annulez-la plutôt.</translation>
    </message>
    <message>
        <source>The order already has {kept}: cancel it instead of deleting it.</source>
        <translation>La commande a déjà {kept}&#xa0;: annulez-la au lieu de la supprimer.</translation>
    </message>
    <message>
        <source>The order has no items and a total of 0.00: add what the lab should make before publishing it.</source>
        <translation>La commande n’a aucun article et un total de 0,00&#xa0;: ajoutez ce que le laboratoire doit réaliser avant de la publier.</translation>
    </message>
    <message numerus="yes">
        <source>%n work-plan task(s) still open ({tasks}); tick them done first.</source>
        <translation>
            <numerusform>%n tâche du plan de travail encore ouverte ({tasks})&#xa0;; cochez-la d’abord comme faite.</numerusform>
            <numerusform>%n tâches du plan de travail encore ouvertes ({tasks})&#xa0;; cochez-les d’abord comme faites.</numerusform>
        </translation>
    </message>
    <message>
        <source>The order is {status}, not delivered: there is no delivery to undo.</source>
        <translation>La commande est au statut «&#xa0;{status}&#xa0;», pas livrée&#xa0;: il n’y a aucune livraison à annuler.</translation>
    </message>
    <message numerus="yes">
        <source>%n other connection(s) are open to the database {database}: Dentasync Desktop on other PCs, or another program. Close the app on the other PCs, then restore again. Nothing was changed.</source>
        <translation>
            <numerusform>%n autre connexion est ouverte sur la base de données {database}&#xa0;: Dentasync Desktop sur d’autres PC, ou un autre programme. Fermez l’application sur les autres PC, puis relancez la restauration. Rien n’a été modifié.</numerusform>
            <numerusform>%n autres connexions sont ouvertes sur la base de données {database}&#xa0;: Dentasync Desktop sur d’autres PC, ou un autre programme. Fermez l’application sur les autres PC, puis relancez la restauration. Rien n’a été modifié.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{currency} allows at most %n decimal place(s).</source>
        <translation>
            <numerusform>{currency} autorise au plus %n décimale.</numerusform>
            <numerusform>{currency} autorise au plus %n décimales.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>account holder</source>
        <translation>titulaire du compte</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>assigné à</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>pièce jointe</translation>
    </message>
    <message>
        <source>bank name</source>
        <translation>nom de la banque</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation>cabinet</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>personne à contacter</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>devise</translation>
    </message>
    <message>
        <source>current password</source>
        <translation>mot de passe actuel</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>date from</source>
        <translation>date de début</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>date to</source>
        <translation>date de fin</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>default turnaround days</source>
        <translation>délai de fabrication</translation>
    </message>
    <message>
        <source>dental lab</source>
        <translation>laboratoire dentaire</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>document language</source>
        <translation>langue des documents</translation>
    </message>
    <message>
        <source>documented date</source>
        <translation>date de commande</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>échéance</translation>
    </message>
    <message>
        <source>due from</source>
        <translation>échéance du</translation>
    </message>
    <message>
        <source>due to</source>
        <translation>échéance au</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de données</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>employé</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>first due date</source>
        <translation>première échéance</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>nom complet</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>attente</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>idle lock</source>
        <translation>verrouillage après inactivité</translation>
    </message>
    <message>
        <source>installments</source>
        <translation>versements</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>intervalle</translation>
    </message>
    <message>
        <source>interval unit</source>
        <translation>unité d’intervalle</translation>
    </message>
    <message>
        <source>items</source>
        <translation>articles</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>fonction</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>laboratoire</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>limite</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>logo</translation>
    </message>
    <message>
        <source>method</source>
        <translation>mode de paiement</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>nouveau mot de passe</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>décalage</translation>
    </message>
    <message>
        <source>order</source>
        <translation>commande</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>commandes</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>payé le</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>papier</translation>
    </message>
    <message>
        <source>paper size</source>
        <translation>format du papier</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>paiement</translation>
    </message>
    <message>
        <source>payment note</source>
        <translation>note de paiement</translation>
    </message>
    <message>
        <source>payment plan</source>
        <translation>plan de paiement</translation>
    </message>
    <message>
        <source>payroll record</source>
        <translation>rémunération</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prix</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>remake of</source>
        <translation>reprise de</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>rappel</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>search</source>
        <translation>recherche</translation>
    </message>
    <message>
        <source>seat-readiness days</source>
        <translation>alerte cas non revenu</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>sections</translation>
    </message>
    <message>
        <source>shade</source>
        <translation>teinte</translation>
    </message>
    <message>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <source>snooze</source>
        <translation>report</translation>
    </message>
    <message>
        <source>sort</source>
        <translation>tri</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personnel</translation>
    </message>
    <message>
        <source>start page</source>
        <translation>page de démarrage</translation>
    </message>
    <message>
        <source>task name</source>
        <translation>nom de la tâche</translation>
    </message>
    <message>
        <source>task templates</source>
        <translation>modèles de tâches</translation>
    </message>
    <message>
        <source>time period</source>
        <translation>période</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>mode TLS</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>numéro de suivi</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d’utilisateur</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nom d’utilisateur</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <source>work plan</source>
        <translation>plan de travail</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>An open work order</source>
        <translation>Une commande ouverte</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finances</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratoires dentaires</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Prestations &amp; tarifs</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Personnel &amp; utilisateurs</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Scanning and check-in</source>
        <translation>Scan et réception</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every command of the menus with its keys:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tous les éléments des menus avec leurs touches&#xa0;:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>labs</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Personne à contacter&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>A new order&apos;s due date is its documented date plus this</source>
        <translation>L’échéance d’une nouvelle commande est sa date de commande plus ce délai</translation>
    </message>
    <message>
        <source>&amp;Turnaround:</source>
        <translation>&amp;Délai de fabrication&#xa0;:</translation>
    </message>
    <message>
        <source>As the app</source>
        <translation>Comme l’application</translation>
    </message>
    <message>
        <source>The language of this lab&apos;s order forms, box labels and payment instructions</source>
        <translation>La langue des bons de commande, étiquettes de boîte et instructions de paiement de ce laboratoire</translation>
    </message>
    <message>
        <source>&amp;Documents in:</source>
        <translation>&amp;Langue des documents&#xa0;:</translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation>Instructions de paiement</translation>
    </message>
    <message>
        <source>Account &amp;holder:</source>
        <translation>Titulaire du co&amp;mpte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>&amp;Banque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;IBAN:</source>
        <translation>&amp;IBAN&#xa0;:</translation>
    </message>
    <message>
        <source>BI&amp;C:</source>
        <translation>BI&amp;C&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ote&#xa0;:</translation>
    </message>
    <message>
        <source>dental lab</source>
        <translation>laboratoire dentaire</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratoires dentaires</translation>
    </message>
    <message>
        <source>The labs that make the work. The turnaround sets a new order&apos;s due date; the bank details appear in the order&apos;s payment instructions.</source>
        <translation>Les laboratoires qui réalisent le travail. Le délai de fabrication fixe l’échéance d’une nouvelle commande&#xa0;; les coordonnées bancaires figurent dans les instructions de paiement de la commande.</translation>
    </message>
    <message>
        <source>Edit dental lab</source>
        <translation>Modifier le laboratoire dentaire</translation>
    </message>
    <message>
        <source>New dental lab</source>
        <translation>Nouveau laboratoire dentaire</translation>
    </message>
    <message>
        <source>The payment QR code carries only the first {limit} characters of this name: banking apps will show “{shown}”. A shorter account holder avoids it.</source>
        <translation>Le QR code de paiement ne contient que les {limit} premiers caractères de ce nom&#xa0;: les applications bancaires afficheront «&#xa0;{shown}&#xa0;». Un nom de titulaire plus court évite ce problème.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Turnaround</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} jours</translation>
    </message>
</context>
<context>
    <name>maintenance</name>
    <message>
        <source>another process</source>
        <translation>un autre processus</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finances</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratoires dentaires</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Prestations &amp; tarifs</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Personnel &amp; utilisateurs</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Print order form…</source>
        <translation>&amp;Imprimer le bon de commande…</translation>
    </message>
    <message>
        <source>Print box &amp;label…</source>
        <translation>Imprimer l’&amp;étiquette de boîte…</translation>
    </message>
    <message>
        <source>Print payment &amp;instructions…</source>
        <translation>Imprimer les instructions de &amp;paiement…</translation>
    </message>
</context>
<context>
    <name>patients</name>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>known</source>
        <translation>connue</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Date de naissance&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Personne à contacter&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. a parent or carer</source>
        <translation>p. ex. un parent ou un aidant</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>N&amp;ote&#xa0;:</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>The patients the work is for. Search by name, phone or note.</source>
        <translation>Les patients pour qui le travail est réalisé. Recherche par nom, téléphone ou note.</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Modifier le patient</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Fonction&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>membre du personnel</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nom &amp;complet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Links the account to a staff member, for work-plan tasks</source>
        <translation>Relie le compte à un membre du personnel, pour les tâches du plan de travail</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Membre du personnel&#xa0;:</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Répéter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Comptes utilisateurs</translation>
    </message>
    <message>
        <source>Edit staff member</source>
        <translation>Modifier le membre du personnel</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Nouveau membre du personnel</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Modifier l’utilisateur</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>(deactivated staff member)</source>
        <translation>(membre du personnel désactivé)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>Répét&amp;er le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat password: the two passwords differ.</source>
        <translation>Répéter le mot de passe&#xa0;: les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Staff &amp; users</source>
        <translation>Personnel &amp; utilisateurs</translation>
    </message>
    <message>
        <source>Staff are the people work-plan tasks and payroll are assigned to; user accounts sign in, each with a role that decides what they may do.</source>
        <translation>Le personnel regroupe les personnes auxquelles sont assignées les tâches du plan de travail et les rémunérations&#xa0;; les comptes utilisateurs servent à se connecter, chacun avec un rôle qui détermine ce qu’il permet de faire.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>The password of {user} was reset. Tell them the new one.</source>
        <translation>Le mot de passe de {user} a été réinitialisé. Communiquez-lui le nouveau.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({user}).</source>
        <translation>Définir un nouveau mot de passe pour {name} ({user}).</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Barcode and QR code</source>
        <translation>Code-barres et QR code</translation>
    </message>
    <message>
        <source>Customer, patient and dental lab</source>
        <translation>Client, patient et laboratoire dentaire</translation>
    </message>
    <message>
        <source>Teeth diagram</source>
        <translation>Schéma dentaire</translation>
    </message>
    <message>
        <source>Items and services</source>
        <translation>Articles et prestations</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Plan de travail</translation>
    </message>
    <message>
        <source>Description and notes</source>
        <translation>Description et notes</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Signature and date lines</source>
        <translation>Lignes de signature et de date</translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation>Format d’étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier&#xa0;:</translation>
    </message>
    <message>
        <source>Print order forms</source>
        <translation>Imprimer les bons de commande</translation>
    </message>
    <message>
        <source>Select the work orders to print first.</source>
        <translation>Sélectionnez d’abord les commandes à imprimer.</translation>
    </message>
    <message numerus="yes">
        <source>Print %n order form(s)</source>
        <translation>
            <numerusform>Imprimer %n bon de commande</numerusform>
            <numerusform>Imprimer %n bons de commande</numerusform>
        </translation>
    </message>
    <message>
        <source>Print order form {number}</source>
        <translation>Imprimer le bon de commande {number}</translation>
    </message>
    <message>
        <source>Print box label {number}</source>
        <translation>Imprimer l’étiquette de boîte {number}</translation>
    </message>
    <message>
        <source>Payment instructions {number}</source>
        <translation>Instructions de paiement {number}</translation>
    </message>
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
        <translation>Sections</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to {printer}.</source>
        <translation>
            <numerusform>%n page envoyée à {printer}.</numerusform>
            <numerusform>%n pages envoyées à {printer}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dans %n jour</numerusform>
            <numerusform>dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Case not back: {kind} {when} (the order is {status})</source>
        <translation>Cas non revenu&#xa0;: {kind} {when} (commande {status})</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>{kind} {when}: {patient}</source>
        <translation>{kind} {when}&#xa0;: {patient}</translation>
    </message>
    <message>
        <source>{order} is {status}</source>
        <translation>{order}&#xa0;: {status}</translation>
    </message>
    <message>
        <source>Case not back: {kind} on {day}: {patient}</source>
        <translation>Cas non revenu – {kind} le {day}&#xa0;: {patient}</translation>
    </message>
    <message>
        <source>Due tomorrow, not back from the lab: {patient}</source>
        <translation>Échéance demain, non revenu du laboratoire&#xa0;: {patient}</translation>
    </message>
    <message>
        <source>Installment due today: {patient}</source>
        <translation>Versement dû aujourd’hui&#xa0;: {patient}</translation>
    </message>
    <message>
        <source>{order}: {amount} to pay</source>
        <translation>{order}&#xa0;: {amount} à payer</translation>
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
        <translation>Jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dental lab</source>
        <translation>Laboratoire dentaire</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>order {status}</source>
        <translation>commande {status}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>Aucun rendez-vous.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message numerus="yes">
        <source>%n work order(s)</source>
        <translation>
            <numerusform>%n commande</numerusform>
            <numerusform>%n commandes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s)</source>
        <translation>
            <numerusform>%n laboratoire</numerusform>
            <numerusform>%n laboratoires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n rendez-vous</numerusform>
            <numerusform>%n rendez-vous</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>No work orders match these filters.</source>
        <translation>Aucune commande ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No labs match these filters.</source>
        <translation>Aucun laboratoire ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No appointments match these filters.</source>
        <translation>Aucun rendez-vous ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No rows match these filters.</source>
        <translation>Aucune ligne ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Generated: {when}</source>
        <translation>Généré le {when}</translation>
    </message>
    <message>
        <source>Total {currency} ({count})</source>
        <translation>Total {currency} ({count})</translation>
    </message>
    <message>
        <source>Dental labs</source>
        <translation>Laboratoires dentaires</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Finance report</source>
        <translation>Rapport financier</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded.</source>
        <translation>Les commandes annulées sont exclues.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Restant dû</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Statut du paiement</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>Date de commande</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Time period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>à partir du {start}</translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation>jusqu’au {end}</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’export a été annulé&#xa0;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Lab scorecard</source>
        <translation>Évaluation des laboratoires</translation>
    </message>
    <message>
        <source>Cancelled orders are excluded. Turnaround: sent to the lab to delivered, in days (to a quarter day); on time: delivered on or before the due date.</source>
        <translation>Les commandes annulées sont exclues. Délai&#xa0;: de l’envoi au laboratoire à la livraison, en jours (au quart de jour près)&#xa0;; à temps&#xa0;: livrée au plus tard à l’échéance.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>À temps</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Médiane (j)</translation>
    </message>
    <message>
        <source>90% days</source>
        <translation>90 % (j)</translation>
    </message>
    <message>
        <source>Remakes</source>
        <translation>Reprises</translation>
    </message>
    <message>
        <source>Remake rate</source>
        <translation>Taux de reprise</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Retard moy. (j)</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Add task</source>
        <translation>Ajouter une tâche</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Unit price:</source>
        <translation>&amp;Prix unitaire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Work-plan tasks:</source>
        <translation>&amp;Tâches du plan de travail&#xa0;:</translation>
    </message>
    <message>
        <source>service</source>
        <translation>prestation</translation>
    </message>
    <message>
        <source>Services &amp; prices</source>
        <translation>Prestations &amp; tarifs</translation>
    </message>
    <message>
        <source>The price list. A service&apos;s tasks become the work plan when an order&apos;s work is planned automatically.</source>
        <translation>La liste de prix. Les tâches d’une prestation forment le plan de travail lorsque le travail d’une commande est planifié automatiquement.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Days after start</source>
        <translation>Jours après le début</translation>
    </message>
    <message>
        <source>Edit service</source>
        <translation>Modifier la prestation</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Nouvelle prestation</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Work-plan tasks</source>
        <translation>Tâches du plan de travail</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Dentasync Desktop cannot start</source>
        <translation>Dentasync Desktop ne peut pas démarrer</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>Les détails ont été écrits dans le fichier journal&#xa0;:
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
        <translation>{what} (fait)</translation>
    </message>
    <message numerus="yes">
        <source>{status}, due %n day(s) ago</source>
        <translation>
            <numerusform>{status}, échéance dépassée depuis %n jour</numerusform>
            <numerusform>{status}, échéance dépassée depuis %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>{what}, tracking {number}</source>
        <translation>{what}, suivi {number}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>échéance aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>en retard de %n jour</numerusform>
            <numerusform>en retard de %n jours</numerusform>
        </translation>
    </message>
</context>
</TS>
