-- Seeded help content (issue 6): the members' and administrators' guides,
-- the staff guides and the FAQ, published in English with a Filipino
-- translation of each (same slug, linked to its English source, up to date).
-- Bodies are Markdown, dollar-quoted so apostrophes need no escaping. Staff
-- edit them afterwards in /staff/help like any article. A slug that already
-- exists is left alone (ON CONFLICT DO NOTHING), so a database where staff
-- wrote one first keeps theirs.
-- The training-video links point at example.org placeholders: replace them
-- with the real videos (in /staff/help) before going live.
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'getting-started', 'getting-started', 1, $md$Getting started with Kapatiran$md$,
$md$Kapatiran is your church's member portal. You can find fellow members, keep your own details up to date, and decide who in your church sees what. It works on any phone, even on slow mobile data, in English and Filipino.

## Signing in

1. Your church administrator invites you using your e-mail address. You receive an e-mail with the link.
2. Open the link, or go to the Kapatiran home page and tap **Sign in with Google**.
3. Sign in with the Google account of the e-mail address you were invited with, within 14 days.

If you see "Ask your church administrator", that Google account has not been invited. Ask your administrator to invite the address you use with Google. More in [I can't sign in](/help/faq-cannot-sign-in).

## Finding your way around

The menu at the top of every page has:

- **Directory**: the members of your church. See [Finding members in the directory](/help/finding-members).
- **Help**: these articles and the questions people ask most.
- **My account**: your details, your photo and your privacy choices.
- **Sign out**.

The **English** and **Filipino** buttons at the top switch the language.

## Your first five minutes

1. Open [My account](/me) and check your details under **My details**: mobile number, e-mail, address and birthday. Tap **Save my details**. See [Editing your profile](/help/editing-your-profile).
2. Open [Who sees what](/me/privacy) and choose who may see each detail. See [Choosing who sees your details](/help/choosing-who-sees-your-details).
3. If you like, add a photo under **My photo**.

## Saving mobile data

Lists show initials instead of photos until you tap **Show photos**. Turn on **Data saver** on [My account](/me) and this phone never loads photos at all.

## On a shared phone or computer

Tap **Sign out** when you finish. Lost your phone? On another device, open **My account** and tap **Sign out everywhere**.

## Need more help?

Read the [Training videos](/help/training-videos) page (each video has a written transcript), or [contact support](/help/contacting-support).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pagsisimula sa Kapatiran$md$,
$md$Ang Kapatiran ang member portal ng inyong simbahan. Dito mo mahahanap ang mga kapwa miyembro, mapapanatiling tama ang iyong mga detalye, at ikaw ang magpapasya kung sino sa simbahan ang makakakita ng ano. Gumagana ito sa kahit anong telepono, kahit mabagal ang mobile data, sa English at Filipino.

## Pag-sign in

1. Iimbitahan ka ng administrator ng inyong simbahan gamit ang iyong e-mail address. Makakatanggap ka ng e-mail na may link.
2. Buksan ang link, o pumunta sa home page ng Kapatiran at i-tap ang **Mag-sign in gamit ang Google**.
3. Mag-sign in gamit ang Google account ng e-mail address kung saan ka inimbitahan, sa loob ng 14 na araw.

Kung makita mo ang "Magtanong sa administrator ng inyong simbahan", hindi pa naiimbitahan ang Google account na iyan. Hilingin sa administrator na imbitahan ang address na ginagamit mo sa Google. Basahin din ang [Hindi ako makapag-sign in](/help/faq-cannot-sign-in).

## Paglibot sa Kapatiran

Nasa itaas ng bawat pahina ang menu:

- **Direktoryo**: ang mga miyembro ng inyong simbahan. Tingnan ang [Paghahanap ng miyembro sa direktoryo](/help/finding-members).
- **Tulong**: ang mga artikulong ito at ang mga madalas itanong.
- **Aking account**: ang iyong mga detalye, larawan at mga pinili sa privacy.
- **Mag-sign out**.

Ang mga button na **English** at **Filipino** sa itaas ang nagpapalit ng wika.

## Ang unang limang minuto mo

1. Buksan ang [Aking account](/me) at suriin ang iyong mga detalye sa **Aking mga detalye**: numero ng mobile, e-mail, address at kaarawan. I-tap ang **I-save ang aking mga detalye**. Tingnan ang [Pag-aayos ng iyong profile](/help/editing-your-profile).
2. Buksan ang [Sino ang makakakita ng ano](/me/privacy) at piliin kung sino ang makakakita ng bawat detalye. Tingnan ang [Pagpili kung sino ang makakakita ng iyong mga detalye](/help/choosing-who-sees-your-details).
3. Kung gusto mo, maglagay ng larawan sa **Aking larawan**.

## Pagtitipid sa mobile data

Mga inisyal ang ipinapakita ng mga listahan sa halip na mga larawan, hangga't hindi mo tina-tap ang **Ipakita ang mga larawan**. I-on ang **Data saver** sa [Aking account](/me) at hindi na kailanman maglo-load ng larawan ang teleponong ito.

## Sa telepono o computer na ginagamit din ng iba

I-tap ang **Mag-sign out** kapag tapos ka na. Nawala ang telepono mo? Sa ibang device, buksan ang **Aking account** at i-tap ang **Mag-sign out sa lahat ng device**.

## Kailangan pa ng tulong?

Tingnan ang pahina ng [Mga training video](/help/training-videos) (may nakasulat na transcript ang bawat video), o [makipag-ugnayan sa suporta](/help/contacting-support).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'getting-started' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'finding-members', 'directory', 2, $md$Finding members in the directory$md$,
$md$The [directory](/directory) lists the members of your church, 25 to a page, by family name, with each household together. Tap **Directory** in the menu to open it.

## Searching

- Type all or part of a name in **Search by name** and tap **Search**. Capital letters and accents do not matter, and small spelling mistakes are forgiven: "dela cruz", "Dela Cruz" and "dela crus" all find the Dela Cruz family.
- Choose a ministry or small group under **Group** to see only its members. **All groups** shows everyone again.
- **Show everyone** clears the search.
- Use **Next page** and **Previous page** to move through a long list.

## A member's card

Tap a name to open their card. It shows their household and groups, and the details they share with you: mobile number (tap it to call), e-mail, address and birthday.

If a card says "This member has not shared contact details with you", that is their choice. Every member decides who sees each detail; see [Choosing who sees your details](/help/choosing-who-sees-your-details). Members who chose not to be listed do not appear at all.

## Photos

To save data, the directory shows initials. Tap **Show photos** to load the photos of the page, and **Hide photos** to go back. With **Data saver** turned on (on [My account](/me)), photos are never loaded on this device.

## Printing the directory

Tap **Printable directory** for a list by household that prints well ([printable directory](/directory/print)). Tap **Download PDF**, or use your browser's Print.

The printout shows only what members allow you to see, and it is private: for members of the church only. Please keep printed copies safe and throw them away properly when they are out of date.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paghahanap ng miyembro sa direktoryo$md$,
$md$Nakalista sa [direktoryo](/directory) ang mga miyembro ng inyong simbahan, 25 bawat pahina, ayon sa apelyido, at magkakasama ang bawat sambahayan. I-tap ang **Direktoryo** sa menu para buksan ito.

## Paghahanap

- I-type ang buo o bahagi ng pangalan sa **Maghanap ayon sa pangalan** at i-tap ang **Maghanap**. Hindi mahalaga ang malaki o maliit na titik at ang mga accent, at pinapalampas ang maliliit na mali sa baybay: "dela cruz", "Dela Cruz" at "dela crus" ay pare-parehong makakahanap sa pamilya Dela Cruz.
- Pumili ng ministry o small group sa **Grupo** para makita lamang ang mga kasapi nito. Ibinabalik ng **Lahat ng grupo** ang lahat.
- Inaalis ng **Ipakita ang lahat** ang hinanap.
- Gamitin ang **Susunod na pahina** at **Nakaraang pahina** sa mahabang listahan.

## Ang card ng isang miyembro

I-tap ang isang pangalan para buksan ang kanyang card. Makikita rito ang kanyang sambahayan at mga grupo, at ang mga detalyeng ibinabahagi niya sa iyo: numero ng mobile (i-tap para tumawag), e-mail, address at kaarawan.

Kung nakasulat sa card ang "Hindi pa nagbabahagi ang miyembrong ito ng contact details sa iyo", iyon ang pinili niya. Bawat miyembro ang nagpapasya kung sino ang makakakita ng bawat detalye; tingnan ang [Pagpili kung sino ang makakakita ng iyong mga detalye](/help/choosing-who-sees-your-details). Hindi lumalabas kahit kailan ang mga miyembrong piniling hindi magpalista.

## Mga larawan

Para makatipid sa data, mga inisyal ang ipinapakita ng direktoryo. I-tap ang **Ipakita ang mga larawan** para i-load ang mga larawan sa pahina, at **Itago ang mga larawan** para bumalik. Kapag naka-on ang **Data saver** (sa [Aking account](/me)), hindi kailanman naglo-load ng larawan sa device na ito.

## Pag-print ng direktoryo

I-tap ang **Direktoryong maaaring i-print** para sa listahang ayon sa sambahayan na maayos i-print ([direktoryong maaaring i-print](/directory/print)). I-tap ang **I-download ang PDF**, o gamitin ang Print ng iyong browser.

Ipinapakita lamang ng printout ang pinapayagan ng mga miyembro na makita mo, at pribado ito: para lamang sa mga miyembro ng simbahan. Pakiingatan ang mga naka-print na kopya at itapon nang maayos kapag luma na.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'finding-members' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'editing-your-profile', 'privacy', 3, $md$Editing your profile$md$,
$md$Your details live on [My account](/me). Tap **My account** in the menu.

## Your details

At the top you see your name, the e-mail you sign in with, your role and your church. Under **My details** you can change:

- **Given name** and **Family name**
- **Mobile number**, for example +63 917 123 4567
- **E-mail for church contact**: the address the church may use to reach you. It can differ from your Google sign-in address.
- **Address**
- **Birthday**: year, month and day, for example 1990-05-31

Tap **Save my details**. You see "Saved." when it worked. If something is wrong, the page tells you which field to fix and keeps what you typed.

If **My details** is missing, your sign-in is not yet connected to a member record of your church. Ask your church administrator.

The Google account you sign in with cannot be changed here. To use another Google account, ask your administrator for an invitation to that address.

## Your photo

Under **My photo**, tap **Choose a photo**, pick a picture, then tap **Upload photo**. JPEG, PNG, WebP and HEIC photos up to 10 MB work. Kapatiran keeps only two small square copies, without the location or camera details, and deletes the original. **Remove my photo** takes it away again.

Without a photo, others see your initials.

## Data saver

Tick **Data saver: never load photos** and tap **Save data saver setting**. This phone then shows initials instead of photos everywhere. The setting belongs to this device only, so set it on each phone you use.

## Who sees your details

Your details are not shown to everyone. You choose, detail by detail, on [Who sees what](/me/privacy). See [Choosing who sees your details](/help/choosing-who-sees-your-details).

## Signing out everywhere

Lost a phone, or signed in on a shared computer? Under **Where you are signed in**, tap **Sign out everywhere**. It signs you out on every device, this one included.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pag-aayos ng iyong profile$md$,
$md$Nasa [Aking account](/me) ang iyong mga detalye. I-tap ang **Aking account** sa menu.

## Ang iyong mga detalye

Sa itaas makikita ang iyong pangalan, ang e-mail na ginagamit mo sa pag-sign in, ang iyong tungkulin at ang inyong simbahan. Sa **Aking mga detalye** mo mapapalitan ang:

- **Pangalan** at **Apelyido**
- **Numero ng mobile**, halimbawa +63 917 123 4567
- **E-mail para sa simbahan**: ang address na magagamit ng simbahan para makontak ka. Maaari itong iba sa Google address na ginagamit mo sa pag-sign in.
- **Address**
- **Kaarawan**: taon, buwan at araw, halimbawa 1990-05-31

I-tap ang **I-save ang aking mga detalye**. Lalabas ang "Na-save na." kapag tagumpay. Kung may mali, sasabihin ng pahina kung aling field ang aayusin, at mananatili ang na-type mo.

Kung walang **Aking mga detalye**, hindi pa naikokonekta ang iyong pag-sign in sa isang member record ng inyong simbahan. Magtanong sa administrator ng inyong simbahan.

Hindi mapapalitan dito ang Google account na ginagamit mo sa pag-sign in. Para gumamit ng ibang Google account, humingi sa administrator ng imbitasyon para sa address na iyon.

## Ang iyong larawan

Sa **Aking larawan**, i-tap ang **Pumili ng larawan**, pumili ng litrato, saka i-tap ang **I-upload ang larawan**. Puwede ang JPEG, PNG, WebP at HEIC na hanggang 10 MB. Dalawang maliit na parisukat na kopya lamang ang itinatago ng Kapatiran, walang lokasyon o detalye ng camera, at binubura ang orihinal. Inaalis ito ng **Alisin ang aking larawan**.

Kapag walang larawan, ang iyong mga inisyal ang nakikita ng iba.

## Data saver

Lagyan ng tsek ang **Data saver: huwag kailanman mag-load ng mga larawan** at i-tap ang **I-save ang setting ng data saver**. Mga inisyal na ang ipapakita ng teleponong ito sa halip na mga larawan sa lahat ng pahina. Para sa device na ito lamang ang setting, kaya i-set ito sa bawat teleponong ginagamit mo.

## Sino ang makakakita ng iyong mga detalye

Hindi ipinapakita sa lahat ang iyong mga detalye. Ikaw ang pipili, detalye por detalye, sa [Sino ang makakakita ng ano](/me/privacy). Tingnan ang [Pagpili kung sino ang makakakita ng iyong mga detalye](/help/choosing-who-sees-your-details).

## Pag-sign out sa lahat ng device

Nawalan ng telepono, o nag-sign in sa computer na ginagamit ng iba? Sa **Kung saan ka naka-sign in**, i-tap ang **Mag-sign out sa lahat ng device**. Isa-sign out ka nito sa lahat ng device, pati na rito.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'editing-your-profile' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'choosing-who-sees-your-details', 'privacy', 4, $md$Choosing who sees your details$md$,
$md$Your privacy is yours to decide. On [Who sees what](/me/privacy) you choose, for each detail, who in your church may see it. Open it from **My account** with the link **Choose who sees what**.

## The four privacy levels

For your name, photo, mobile number, e-mail, address and birthday, pick one of:

- **Everyone in my church**: every signed-in member of your church. People from other churches never see your details.
- **Leaders of my groups and administrators**: the leaders of the groups you belong to, and your church administrators. A leader of a group you are not in does not see it.
- **Church administrators only**.
- **Only me**: nobody else. Administrators' member pages show "Hidden by the member" instead.

Your church may also have a role for pastoral care that sees what you share with leaders, or with administrators, for every member.

If you choose **Only me** for your name, you do not appear in the directory at all.

## What you start with

Until you change them, new members start with these choices:

- Name and photo: **Everyone in my church**
- Mobile number and e-mail: **Leaders of my groups and administrators**
- Address and birthday: **Church administrators only**

## Not listed in the directory

Untick **List me in the church directory** to leave the directory and the printable directory. Other members then cannot find or open your card. Your church administrators still see your member record, because they keep the church's records.

## See what others see

Change the choices, then tap **Preview** (not Save). Under **See what others see**, three cards show you as "A member of your church", "A leader of your groups" and "A church administrator" would see you. A preview is not saved: the page says "This is a preview: your choices are not saved yet."

When you are happy, tap **Save my choices**. Every page follows them at once: the directory, your card, the printable directory and the administrators' downloads.

## Good to know

- Your choices apply everywhere, including what the church can download.
- Changes to your choices are recorded in your church's audit log.
- Questions about privacy? [Contact support](/help/contacting-support), or read [who can see my mobile number](/help/faq-who-can-see-my-phone).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pagpili kung sino ang makakakita ng iyong mga detalye$md$,
$md$Ikaw ang magpapasya sa iyong privacy. Sa [Sino ang makakakita ng ano](/me/privacy), pipiliin mo para sa bawat detalye kung sino sa inyong simbahan ang makakakita nito. Buksan ito mula sa **Aking account** gamit ang link na **Piliin kung sino ang makakakita ng ano**.

## Ang apat na antas ng privacy

Para sa iyong pangalan, larawan, numero ng mobile, e-mail, address at kaarawan, pumili ng isa:

- **Lahat sa aking simbahan**: bawat naka-sign in na miyembro ng inyong simbahan. Hindi kailanman makikita ng taga-ibang simbahan ang iyong mga detalye.
- **Mga lider ng aking mga grupo at mga administrator**: ang mga lider ng mga grupong kinabibilangan mo, at ang mga administrator ng inyong simbahan. Hindi ito makikita ng lider ng grupong hindi mo kinabibilangan.
- **Mga administrator ng simbahan lamang**.
- **Ako lamang**: wala nang iba. Sa mga pahina ng administrator, "Itinago ng miyembro" ang nakasulat sa halip nito.

Maaari ding may tungkulin ang inyong simbahan para sa pastoral care na nakakakita ng ibinabahagi mo sa mga lider, o sa mga administrator, para sa lahat ng miyembro.

Kung **Ako lamang** ang pipiliin mo para sa iyong pangalan, hindi ka na lalabas sa direktoryo.

## Ang simula mong mga pinili

Hangga't hindi mo pinapalitan, ganito ang simula ng bawat bagong miyembro:

- Pangalan at larawan: **Lahat sa aking simbahan**
- Numero ng mobile at e-mail: **Mga lider ng aking mga grupo at mga administrator**
- Address at kaarawan: **Mga administrator ng simbahan lamang**

## Hindi nakalista sa direktoryo

Alisin ang tsek sa **Isama ako sa direktoryo ng simbahan** para umalis sa direktoryo at sa direktoryong maaaring i-print. Hindi ka na mahahanap ng ibang miyembro at hindi nila mabubuksan ang iyong card. Makikita pa rin ng mga administrator ng inyong simbahan ang iyong member record, dahil sila ang nag-iingat ng mga rekord ng simbahan.

## Tingnan ang nakikita ng iba

Palitan ang mga pinili, saka i-tap ang **I-preview** (hindi I-save). Sa **Tingnan ang nakikita ng iba**, may tatlong card na nagpapakita kung ano ang makikita ng "Isang miyembro ng inyong simbahan", "Isang lider ng iyong mga grupo" at "Isang administrator ng simbahan". Hindi pa naka-save ang preview: sasabihin ng pahina na "Preview lamang ito: hindi pa naka-save ang iyong mga pinili."

Kapag ayos na, i-tap ang **I-save ang aking mga pinili**. Susundin agad ito ng bawat pahina: ang direktoryo, ang iyong card, ang direktoryong maaaring i-print at ang mga download ng mga administrator.

## Mabuting malaman

- Saanman ay sinusunod ang iyong mga pinili, pati sa mga nada-download ng simbahan.
- Nakatala sa audit log ng inyong simbahan ang mga pagbabago sa iyong mga pinili.
- May tanong tungkol sa privacy? [Makipag-ugnayan sa suporta](/help/contacting-support), o basahin ang [sino ang makakakita ng numero ko](/help/faq-who-can-see-my-phone).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'choosing-who-sees-your-details' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'administrator-guide', 'administration', 5, $md$Administrator's guide$md$,
$md$This guide is for church administrators. Tap **Administration** in the menu to open [the administration pages](/admin). The menu there shows only what your role may open.

## Getting started checklist

At the top of [Administration](/admin), a checklist shows four steps for a new church. Each step says **Done** or **To do**, and ticks itself when the work is done:

1. **Invite another administrator**, so the church never depends on one person. See [Managing users and roles](/help/managing-users-and-roles).
2. **Import your members** from a spreadsheet. See [Importing members](/help/importing-members).
3. **Review privacy defaults**: what new members share until they choose. See [Church settings](/help/church-settings).
4. **Add groups**: your ministries and small groups. See [Groups and leaders](/help/groups-and-leaders).

When all four are done, the checklist shrinks to one line.

## The sections

- **Users**: who can sign in, their role, and invitations. See [Managing users and roles](/help/managing-users-and-roles).
- **Roles**: what each role may do, and your church's own roles.
- **Members**: every member record, households, import and download. See [Managing member records](/help/managing-member-records).
- **Groups**: ministries, small groups, their members and leaders.
- **Audit log**: who changed what, and when. See [Reading the audit log](/help/reading-the-audit-log).
- **Church settings**: the privacy defaults. See [Church settings](/help/church-settings).

## What administrators can and cannot see

You see each member's details as their privacy choices allow. What a member set to **Only me** stays hidden from you too: the page says "Hidden by the member". Members who left the directory still appear in **Members**, marked "Not in the directory".

## Good habits

- Keep at least two administrators. Kapatiran never lets you remove the last one.
- Give each person their own account. Never share a sign-in.
- Give people the smallest role that lets them do their work. A church role such as "Pastoral care" can see more than a member without being an administrator.
- Every change is written to the audit log, with who made it and when.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Gabay para sa administrator$md$,
$md$Para sa mga administrator ng simbahan ang gabay na ito. I-tap ang **Pangangasiwa** sa menu para buksan ang [mga pahina ng pangangasiwa](/admin). Ipinapakita lamang ng menu roon ang mabubuksan ng iyong tungkulin.

## Checklist sa pagsisimula

Sa itaas ng [Pangangasiwa](/admin), may checklist ng apat na hakbang para sa bagong simbahan. Nakasulat sa bawat hakbang kung **Tapos na** o **Gagawin pa**, at kusa itong nalalagyan ng tsek kapag nagawa na:

1. **Mag-imbita ng isa pang administrator**, para hindi nakasalalay sa iisang tao ang simbahan. Tingnan ang [Pamamahala ng mga user at tungkulin](/help/managing-users-and-roles).
2. **I-import ang inyong mga miyembro** mula sa isang spreadsheet. Tingnan ang [Pag-import ng mga miyembro](/help/importing-members).
3. **Suriin ang mga default sa privacy**: ang ibinabahagi ng mga bagong miyembro hangga't hindi pa sila pumipili. Tingnan ang [Mga setting ng simbahan](/help/church-settings).
4. **Magdagdag ng mga grupo**: ang inyong mga ministry at small group. Tingnan ang [Mga grupo at lider](/help/groups-and-leaders).

Kapag tapos na ang apat, iisang linya na lang ang checklist.

## Ang mga bahagi

- **Mga user**: sino ang makakapag-sign in, ang kanilang tungkulin, at ang mga imbitasyon. Tingnan ang [Pamamahala ng mga user at tungkulin](/help/managing-users-and-roles).
- **Mga tungkulin**: ang magagawa ng bawat tungkulin, at ang sariling mga tungkulin ng inyong simbahan.
- **Mga miyembro**: bawat member record, mga sambahayan, import at download. Tingnan ang [Pamamahala ng mga member record](/help/managing-member-records).
- **Mga grupo**: mga ministry, small group, ang mga kasapi at lider nila.
- **Audit log**: sino ang nagbago ng ano, at kailan. Tingnan ang [Pagbasa ng audit log](/help/reading-the-audit-log).
- **Mga setting ng simbahan**: ang mga default sa privacy. Tingnan ang [Mga setting ng simbahan](/help/church-settings).

## Ang nakikita at hindi nakikita ng mga administrator

Nakikita mo ang mga detalye ng bawat miyembro ayon sa kanyang mga pinili sa privacy. Nakatago rin sa iyo ang itinakda ng miyembro sa **Ako lamang**: "Itinago ng miyembro" ang nakasulat. Makikita pa rin sa **Mga miyembro** ang mga umalis sa direktoryo, na may markang "Wala sa directory".

## Mabubuting gawi

- Magkaroon ng kahit dalawang administrator. Hindi pinapayagan ng Kapatiran na alisin ang huli.
- Bigyan ang bawat tao ng sariling account. Huwag kailanman maghiraman ng sign-in.
- Ibigay ang pinakamaliit na tungkuling sapat sa gawain ng tao. Ang tungkulin ng simbahan gaya ng "Pastoral care" ay makakakita nang higit sa karaniwang miyembro nang hindi nagiging administrator.
- Nakatala sa audit log ang bawat pagbabago, kung sino ang gumawa at kailan.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'administrator-guide' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'managing-users-and-roles', 'administration', 6, $md$Managing users and roles$md$,
$md$A user is someone who can sign in. A role says what they may do. Both are managed under **Administration**.

## Inviting someone

1. Open [Users](/admin/users).
2. Under **Invite someone**, type their **E-mail (their Google account)** and choose a **Role**.
3. Tap **Send invitation**.

They get an e-mail with a link and must sign in with the Google account of that address within 14 days. Until then the invitation is listed under **Pending invitations**, where you can **Resend** it (good for another 14 days) or **Revoke** it.

If the page says the e-mail could not be sent, the invitation still stands: try **Resend** a few minutes later, or give them the sign-in link yourself. An address that already has a Kapatiran account, in any church, cannot be invited again.

## Changing a role, or turning an account off

Search by name or e-mail on [Users](/admin/users) and tap a name.

- Under **Role**, choose the **New role** and tap **Change role**.
- **Deactivate** ends their sessions at once and stops them signing in. Their member record stays. **Reactivate** lets them in again.

For safety, you cannot change your own role or deactivate yourself (ask another administrator), and the church's last active administrator cannot be removed.

## Roles

[Roles](/admin/roles) lists the built-in roles (**Member**, **Group leader**, **Church administrator**) and your church's own roles. Built-in roles cannot be changed.

To add a role, such as "Pastoral care" or "Ushers":

1. Under **Add a role**, type the **Name of the role**.
2. Tick what people with this role may do. The list is grouped: Directory, Their own account, Groups, People and roles, Records and settings.
3. Tap **Add role**.

Open a role to change it and tap **Save changes**; it applies from each user's next page. To delete a role that people hold, choose the role they move to, tick the box and tap **Delete role**.

You cannot give a role with rights you do not have yourself.

## Which role?

- **Member**: the directory, their own profile and privacy, support.
- **Group leader**: a member who also keeps the rosters of the groups they lead and sees what members share with leaders. Making someone a leader of a group gives a member this role automatically.
- **Church administrator**: everything in your church.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pamamahala ng mga user at tungkulin$md$,
$md$Ang user ay taong makakapag-sign in. Sinasabi ng tungkulin kung ano ang magagawa niya. Parehong pinamamahalaan ang mga ito sa **Pangangasiwa**.

## Pag-imbita ng tao

1. Buksan ang [Mga user](/admin/users).
2. Sa **Mag-imbita**, i-type ang kanyang **E-mail (ang kanilang Google account)** at pumili ng **Tungkulin**.
3. I-tap ang **Ipadala ang imbitasyon**.

Makakatanggap siya ng e-mail na may link, at kailangan niyang mag-sign in gamit ang Google account ng address na iyon sa loob ng 14 na araw. Habang hindi pa, nakalista ang imbitasyon sa **Mga imbitasyong naghihintay**, kung saan mo ito maaaring **Ipadala muli** (magagamit nang 14 na araw pa) o **Bawiin**.

Kung sabihin ng pahina na hindi naipadala ang e-mail, nananatili pa rin ang imbitasyon: subukan ang **Ipadala muli** makalipas ang ilang minuto, o ikaw mismo ang magbigay sa kanya ng link sa pag-sign in. Hindi na maiimbitahan ang address na may Kapatiran account na, sa kahit anong simbahan.

## Pagpapalit ng tungkulin, o pag-off ng account

Maghanap ayon sa pangalan o e-mail sa [Mga user](/admin/users) at i-tap ang pangalan.

- Sa **Tungkulin**, piliin ang **Bagong tungkulin** at i-tap ang **Palitan ang tungkulin**.
- Tinatapos agad ng **I-deactivate** ang kanyang mga session at hindi na siya makakapag-sign in. Mananatili ang kanyang member record. Papayagan siyang muli ng **I-activate muli**.

Para sa kaligtasan, hindi mo mapapalitan ang sarili mong tungkulin o ma-deactivate ang sarili mo (ipagawa sa ibang administrator), at hindi maaalis ang huling aktibong administrator ng simbahan.

## Mga tungkulin

Nakalista sa [Mga tungkulin](/admin/roles) ang mga nakatakdang tungkulin (**Miyembro**, **Lider ng grupo**, **Administrator ng simbahan**) at ang sariling mga tungkulin ng inyong simbahan. Hindi mababago ang mga nakatakdang tungkulin.

Para magdagdag ng tungkulin, gaya ng "Pastoral care" o "Mga usher":

1. Sa **Magdagdag ng tungkulin**, i-type ang **Pangalan ng tungkulin**.
2. Lagyan ng tsek ang magagawa ng may ganitong tungkulin. Naka-grupo ang listahan: Direktoryo, Sariling account, Mga grupo, Mga tao at tungkulin, Mga rekord at setting.
3. I-tap ang **Idagdag ang tungkulin**.

Buksan ang isang tungkulin para baguhin ito at i-tap ang **I-save ang mga pagbabago**; magkakabisa ito sa susunod na pahinang bubuksan ng bawat user. Para burahin ang tungkuling may gumagamit pa, piliin ang tungkuling ililipat sa kanila, lagyan ng tsek ang kahon at i-tap ang **Burahin ang tungkulin**.

Hindi ka maaaring magbigay ng tungkuling may karapatang wala sa iyo.

## Aling tungkulin?

- **Miyembro**: ang direktoryo, sariling profile at privacy, at support.
- **Lider ng grupo**: miyembrong nag-aayos din ng listahan ng mga grupong pinamumunuan niya at nakakakita ng ibinabahagi ng mga miyembro sa mga lider. Kusang nagiging ganito ang tungkulin ng miyembro kapag ginawa siyang lider ng isang grupo.
- **Administrator ng simbahan**: lahat ng bagay sa inyong simbahan.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'managing-users-and-roles' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'managing-member-records', 'administration', 7, $md$Managing member records$md$,
$md$[Members](/admin/members) lists every member of your church, including those who are not in the directory ("Not in the directory"). A member record is not the same as a sign-in: many members never sign in.

You see each detail as the member allows. A detail they set to **Only me** shows "Hidden by the member"; one your role may not see shows "Not visible to your role".

## Adding a member

At the bottom of [Members](/admin/members), under **Add a member**, fill in the **Given name** and **Family name**, and any of mobile number, e-mail, address and birthday. Under **Household**, choose where they live: an existing household, **A new household** (name it, or leave it empty for "Santos Family" style), or **No household**. Tap **Add member**.

New members start with the church's privacy defaults; see [Church settings](/help/church-settings).

Many members at once? See [Importing members](/help/importing-members).

## Changing a member

Search by name and tap the member.

- Change the details you can see and tap **Save details**.
- Under **Household**, choose another and tap **Change household**.

## Merging a duplicate

If someone is listed twice, open the record to keep. Under **Merge a duplicate**, find the other by name, choose it, tick the box and tap **Merge**. Its details fill the empty ones, its groups and sign-in account move over, and the duplicate is removed. Two records that each have their own sign-in account cannot be merged: deactivate the unused account under Users first.

## Removing a member

Under **Remove this member**, tick the box and tap **Remove member**. They disappear from the directory and from every list and group; the audit log keeps the record of what happened.

## Households

[Households](/admin/members/households) lists who lives together. Rename a household, or merge two that are really one: everyone in the first moves to the second, and the first is deleted.

## Downloading

**Download all members (CSV)** on the Members page gives a spreadsheet of every member, with each detail only where their privacy choices let you see it. Every download is recorded in the audit log. Keep the file safe and delete it when you are done.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pamamahala ng mga member record$md$,
$md$Nakalista sa [Mga miyembro](/admin/members) ang bawat miyembro ng inyong simbahan, pati ang mga wala sa direktoryo ("Wala sa directory"). Magkaiba ang member record at ang sign-in: maraming miyembro ang hindi kailanman nagsa-sign in.

Nakikita mo ang bawat detalye ayon sa pahintulot ng miyembro. "Itinago ng miyembro" ang nakasulat sa detalyeng itinakda niya sa **Ako lamang**; "Hindi nakikita ng iyong tungkulin" naman sa detalyeng hindi para sa iyong tungkulin.

## Pagdaragdag ng miyembro

Sa ibaba ng [Mga miyembro](/admin/members), sa **Magdagdag ng miyembro**, ilagay ang **Pangalan** at **Apelyido**, at alinman sa numero ng mobile, e-mail, address at kaarawan. Sa **Sambahayan**, piliin kung saan siya nakatira: isang dating sambahayan, **Bagong sambahayan** (pangalanan ito, o iwanang blangko para sa pangalang gaya ng "Santos Family"), o **Walang sambahayan**. I-tap ang **Idagdag ang miyembro**.

Nagsisimula ang mga bagong miyembro sa mga default sa privacy ng simbahan; tingnan ang [Mga setting ng simbahan](/help/church-settings).

Maraming miyembro nang sabay? Tingnan ang [Pag-import ng mga miyembro](/help/importing-members).

## Pagbabago ng miyembro

Maghanap ayon sa pangalan at i-tap ang miyembro.

- Palitan ang mga detalyeng nakikita mo at i-tap ang **I-save ang mga detalye**.
- Sa **Sambahayan**, pumili ng iba at i-tap ang **Palitan ang sambahayan**.

## Pagsasama ng doble

Kung dalawang beses nakalista ang isang tao, buksan ang talang pananatilihin. Sa **Pagsamahin ang doble**, hanapin ang isa pa ayon sa pangalan, piliin ito, lagyan ng tsek ang kahon at i-tap ang **Pagsamahin**. Pupunan ng mga detalye nito ang mga walang laman, ililipat ang mga grupo at sign-in account nito, at aalisin ang doble. Hindi mapagsasama ang dalawang talang may kanya-kanyang sign-in account: i-deactivate muna sa Mga user ang account na hindi ginagamit.

## Pag-aalis ng miyembro

Sa **Alisin ang miyembrong ito**, lagyan ng tsek ang kahon at i-tap ang **Alisin ang miyembro**. Mawawala siya sa direktoryo at sa bawat listahan at grupo; mananatili sa audit log ang tala ng nangyari.

## Mga sambahayan

Nakalista sa [Mga sambahayan](/admin/members/households) kung sino ang magkakasama sa bahay. Palitan ang pangalan ng sambahayan, o pagsamahin ang dalawang iisa pala: lilipat sa pangalawa ang lahat ng nasa una, at buburahin ang una.

## Pag-download

Ang **I-download ang lahat ng miyembro (CSV)** sa pahina ng Mga miyembro ay nagbibigay ng spreadsheet ng bawat miyembro, at bawat detalye ay kasama lamang kung pinapayagan kang makita ito ng kanyang mga pinili sa privacy. Nakatala sa audit log ang bawat download. Ingatan ang file at burahin kapag tapos ka na.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'managing-member-records' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'importing-members', 'administration', 8, $md$Importing members$md$,
$md$Bring in many members at once from a spreadsheet. Open [Import members](/admin/members/import), or tap **Import members from a CSV file** on the Members page. Nothing is imported until you have checked the preview.

## Before you start

- Save the spreadsheet as CSV. In Excel, use **Save as** and choose **CSV UTF-8**. In Google Sheets, use **Download** and choose CSV.
- Exports from Planning Center People and ChurchCRM are recognised, and so are plain headers in English or Filipino (Pangalan, Apelyido, Telepono).
- Up to 5 MB and 20,000 rows a file. Split bigger files and import them one after another.
- If the file lists groups, [add the groups](/admin/groups) first, spelled the same way. A row with a group that does not exist is marked as a problem.

## Step 1: Upload the file

Choose the **CSV file** and tap **Upload and continue**.

## Step 2: Choose the columns

For each column of the file, say what it holds. We guess from the headers; check each one. The choices include given name, family name, full name (split at the last space), e-mail, mobile number, address (several columns are joined), birthday (or its year, month and day in separate columns), household name and groups (separated by ; or ,). Choose **Ignore this column** for anything else. Tap **Preview the import**.

## Step 3: Check and import

The preview counts new members, rows that are already members, rows with problems and new households, and lists the problems by row number.

- A file with problems imports nothing, unless you tick **Skip the rows with problems and import the others**. Or correct the file and upload it again.
- A row is already a member when it has the same e-mail, or the same name and birthday, as an existing member. Choose **Skip them** to leave those members as they are, or **Fill in the existing member's empty details from the file**.

Tap **Import**. Everything is imported at once, or nothing is. A large file can take a minute: wait for the result page.

## After the import

The result page shows what was added, updated and skipped. The import is recorded in the audit log, and the uploaded file is deleted (an unfinished upload is deleted after a day, or at once with **Cancel this import and delete the file**).

Imported members start with the church's privacy defaults. Importing does not give anyone a sign-in: invite the people who should sign in under [Users](/admin/users).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pag-import ng mga miyembro$md$,
$md$Magpasok ng maraming miyembro nang sabay mula sa isang spreadsheet. Buksan ang [Mag-import ng mga miyembro](/admin/members/import), o i-tap ang **Mag-import ng mga miyembro mula sa CSV file** sa pahina ng Mga miyembro. Walang maii-import hangga't hindi mo nasusuri ang preview.

## Bago magsimula

- I-save ang spreadsheet bilang CSV. Sa Excel, gamitin ang **Save as** at piliin ang **CSV UTF-8**. Sa Google Sheets, gamitin ang **Download** at piliin ang CSV.
- Nakikilala ang mga export mula sa Planning Center People at ChurchCRM, pati ang mga simpleng header sa English o Filipino (Pangalan, Apelyido, Telepono).
- Hanggang 5 MB at 20,000 na hilera bawat file. Hatiin ang mas malalaking file at i-import nang isa-isa.
- Kung may mga grupo sa file, [idagdag muna ang mga grupo](/admin/groups), sa parehong baybay. Mamarkahang may problema ang hilerang may grupong wala pa.

## Hakbang 1: I-upload ang file

Piliin ang **CSV file** at i-tap ang **I-upload at magpatuloy**.

## Hakbang 2: Piliin ang mga column

Sabihin kung ano ang laman ng bawat column ng file. Hinuhulaan namin ito mula sa mga header; suriin ang bawat isa. Kasama sa mga pagpipilian ang pangalan, apelyido, buong pangalan (hahatiin sa huling espasyo), e-mail, numero ng mobile, address (pinagdudugtong ang ilang column), kaarawan (o ang taon, buwan at araw nito sa magkakahiwalay na column), pangalan ng sambahayan at mga grupo (hinati ng ; o ,). Piliin ang **Huwag pansinin ang column na ito** para sa iba pa. I-tap ang **Tingnan ang preview ng import**.

## Hakbang 3: Suriin at i-import

Binibilang ng preview ang mga bagong miyembro, ang mga hilerang miyembro na, ang mga hilerang may problema at ang mga bagong sambahayan, at inililista ang mga problema ayon sa numero ng hilera.

- Walang maii-import mula sa file na may problema, maliban kung lagyan mo ng tsek ang **Laktawan ang mga hilerang may problema at i-import ang iba**. O itama ang file at i-upload itong muli.
- Miyembro na ang isang hilera kapag kapareho nito ang e-mail, o ang pangalan at kaarawan, ng isang dating miyembro. Piliin ang **Laktawan** para hayaan ang mga miyembrong iyon gaya ng dati, o ang **Punan ang mga walang lamang detalye ng dating miyembro mula sa file**.

I-tap ang **I-import**. Sabay-sabay na maii-import ang lahat, o wala. Maaaring tumagal nang isang minuto ang malaking file: hintayin ang pahina ng resulta.

## Pagkatapos ng import

Ipinapakita ng pahina ng resulta ang naidagdag, na-update at nilaktawan. Nakatala sa audit log ang import, at binubura ang na-upload na file (binubura ang hindi natapos na upload makalipas ang isang araw, o agad sa **Kanselahin ang import na ito at burahin ang file**).

Nagsisimula ang mga na-import na miyembro sa mga default sa privacy ng simbahan. Hindi nagbibigay ng sign-in ang pag-import: imbitahan sa [Mga user](/admin/users) ang mga dapat makapag-sign in.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'importing-members' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'groups-and-leaders', 'administration', 9, $md$Groups and leaders$md$,
$md$Groups are your church's ministries and small groups: Youth Ministry, Music Ministry, a Tuesday Bible study. Members can filter the directory by group, and a group's leaders look after its roster.

## Adding a group

Open [Groups](/admin/groups). Under **Add a group**, type the **Name of the group** and, if you like, a short **Description** (who it is for and when it meets). Tap **Add group**. Each name can be used once in your church.

## Who is in a group

Tap a group to open it.

- Under **Add a member**, search the church's members by name and tap **Add** next to the right person.
- **Remove** takes someone out of the group. They stay in the church's records.
- **Make leader** makes a member a leader of the group; **Make plain member** undoes it.

When a member who can sign in becomes a leader of a group, their role becomes **Group leader** by itself; when they lead no group any more, it goes back to **Member**. Roles you chose yourself, such as Church administrator or a church role, are left alone.

## Changing or deleting a group

Under **Name and description**, change them and tap **Save changes**. To delete a group, tick "Yes, delete the group" and tap **Delete group**. Only the group and its memberships go; the members stay.

## What leaders can do

A group leader opens **Administration** and sees only the groups they lead. They can:

- add and remove members of their groups;
- see the details that members of their groups share with **Leaders of my groups and administrators**.

They cannot create, rename or delete groups, or choose who leads: only administrators can.

## Groups and importing

If your import file has a groups column, add the groups here first, spelled as in the file. See [Importing members](/help/importing-members).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Mga grupo at lider$md$,
$md$Ang mga grupo ay ang mga ministry at small group ng inyong simbahan: Youth Ministry, Music Ministry, isang Bible study tuwing Martes. Masasala ng mga miyembro ang direktoryo ayon sa grupo, at ang mga lider ng grupo ang nag-aasikaso ng listahan ng kasapi nito.

## Pagdaragdag ng grupo

Buksan ang [Mga grupo](/admin/groups). Sa **Magdagdag ng grupo**, i-type ang **Pangalan ng grupo** at, kung gusto mo, isang maikling **Paglalarawan** (para kanino ito at kailan nagtitipon). I-tap ang **Idagdag ang grupo**. Isang beses lamang magagamit ang bawat pangalan sa inyong simbahan.

## Sino ang kasapi ng grupo

I-tap ang isang grupo para buksan ito.

- Sa **Magdagdag ng miyembro**, hanapin ayon sa pangalan ang mga miyembro ng simbahan at i-tap ang **Idagdag** sa tabi ng tamang tao.
- Inaalis ng **Alisin** ang isang tao sa grupo. Mananatili siya sa mga rekord ng simbahan.
- Ginagawang lider ng grupo ng **Gawing lider** ang isang miyembro; ibinabalik ito ng **Gawing karaniwang miyembro**.

Kapag naging lider ng grupo ang miyembrong may sign-in, kusang nagiging **Lider ng grupo** ang kanyang tungkulin; kapag wala na siyang pinamumunuang grupo, babalik ito sa **Miyembro**. Hindi ginagalaw ang mga tungkuling ikaw mismo ang pumili, gaya ng Administrator ng simbahan o tungkulin ng simbahan.

## Pagbabago o pagbura ng grupo

Sa **Pangalan at paglalarawan**, palitan ang mga ito at i-tap ang **I-save ang mga pagbabago**. Para burahin ang grupo, lagyan ng tsek ang "Oo, burahin ang grupo" at i-tap ang **Burahin ang grupo**. Ang grupo at ang pagiging kasapi lamang ang mawawala; mananatili ang mga miyembro.

## Ang magagawa ng mga lider

Kapag binuksan ng lider ng grupo ang **Pangangasiwa**, ang mga grupong pinamumunuan lamang niya ang makikita niya. Kaya niyang:

- magdagdag at mag-alis ng kasapi ng kanyang mga grupo;
- makita ang mga detalyeng ibinabahagi ng mga kasapi ng kanyang mga grupo sa **Mga lider ng aking mga grupo at mga administrator**.

Hindi siya makakagawa, makakapagpalit ng pangalan o makakapagbura ng grupo, at hindi siya ang pipili ng mga lider: mga administrator lamang ang makagagawa nito.

## Mga grupo at pag-import

Kung may column ng mga grupo ang iyong import file, idagdag muna rito ang mga grupo, sa parehong baybay gaya ng nasa file. Tingnan ang [Pag-import ng mga miyembro](/help/importing-members).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'groups-and-leaders' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'reading-the-audit-log', 'administration', 10, $md$Reading the audit log$md$,
$md$The [audit log](/admin/audit) records every change to your church's accounts and records: who did it, when, and what changed. Newest entries come first, and times are in your church's time zone.

## Reading an entry

Each entry shows **When**, **Who**, the **Action**, the **Record** it concerns and the **Changes** (old value, then what it "changed to"). "Kapatiran staff" means someone from the Kapatiran team, for example when your church was set up. "System" means Kapatiran itself.

Some actions you will see:

- invitation.created, invitation.accepted, invitation.resent, invitation.revoked
- user.role_changed, user.deactivated, user.reactivated
- member.created, member.updated, member.merged, member.removed
- member.profile_updated and member.privacy_updated (a member changed their own details or choices)
- members.imported and members.exported
- role.created, role.updated, role.deleted
- church.privacy_reviewed (an administrator reviewed the privacy defaults)

## Finding something

Under **Filter**, choose **Who**, an **Action** or a **Record type**, paste a **Record id**, or set **From date** and **To date**. Tap **Show entries**. **Clear filters** shows everything again. Use **Older entries** and **Newer entries** to move through the pages.

## Downloading

**Download these entries (CSV)** gives the entries that match your filters as a spreadsheet. The download is itself recorded in the log.

## Can the log be changed?

No. Nobody can edit or delete entries from Kapatiran, administrators included. Each entry is linked to the one before it, so a change made behind Kapatiran's back would show up when the log is checked.

Only people whose role may read the audit log see this page.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pagbasa ng audit log$md$,
$md$Itinatala ng [audit log](/admin/audit) ang bawat pagbabago sa mga account at rekord ng inyong simbahan: sino ang gumawa, kailan, at ano ang nagbago. Nauuna ang pinakabago, at ayon sa time zone ng inyong simbahan ang mga oras.

## Pagbasa ng isang entry

Ipinapakita ng bawat entry ang **Kailan**, **Sino**, ang **Aksyon**, ang **Rekord** na tinutukoy nito at ang **Mga pagbabago** (ang dating halaga, saka kung ano ang "pinalitan ng"). Ang "Staff ng Kapatiran" ay taga-Kapatiran team, halimbawa noong i-set up ang inyong simbahan. Ang "Sistema" ay ang Kapatiran mismo.

Ilan sa mga aksyong makikita mo:

- invitation.created, invitation.accepted, invitation.resent, invitation.revoked
- user.role_changed, user.deactivated, user.reactivated
- member.created, member.updated, member.merged, member.removed
- member.profile_updated at member.privacy_updated (binago ng miyembro ang sarili niyang mga detalye o pinili)
- members.imported at members.exported
- role.created, role.updated, role.deleted
- church.privacy_reviewed (sinuri ng isang administrator ang mga default sa privacy)

## Paghahanap

Sa **Salain**, pumili sa **Sino**, **Aksyon** o **Uri ng rekord**, mag-paste ng **ID ng rekord**, o itakda ang **Mula sa petsa** at **Hanggang sa petsa**. I-tap ang **Ipakita ang mga entry**. Ibinabalik ng **Alisin ang mga filter** ang lahat. Gamitin ang **Mas lumang mga entry** at **Mas bagong mga entry** para lumipat ng pahina.

## Pag-download

Ibinibigay ng **I-download ang mga entry na ito (CSV)** ang mga entry na tugma sa iyong mga filter bilang spreadsheet. Nakatala rin sa log ang download mismo.

## Mababago ba ang log?

Hindi. Walang makapagbabago o makapagbubura ng entry mula sa Kapatiran, kahit ang mga administrator. Naka-link ang bawat entry sa nauna rito, kaya lalabas ang anumang pagbabagong ginawa nang palihim kapag sinuri ang log.

Ang mga taong may tungkuling makabasa ng audit log lamang ang makakakita ng pahinang ito.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'reading-the-audit-log' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'church-settings', 'administration', 11, $md$Church settings$md$,
$md$[Church settings](/admin/settings) shows your church's privacy defaults: the choices every new member starts with, whether you add them by hand or import them, until they choose for themselves.

## The privacy defaults

- Name and photo: **Everyone in my church**
- Mobile number and e-mail: **Leaders of my groups and administrators**
- Address and birthday: **Church administrators only**

Every member is listed in the directory unless they choose otherwise.

These defaults share a little so the directory is useful, and keep home addresses and birthdays with the administrators. They are the same for every church on Kapatiran and cannot be changed per church. Each member can change their own choices at any time; see [Choosing who sees your details](/help/choosing-who-sees-your-details).

## Reviewing the defaults

Read the defaults with your pastor or church council. Are members told how their details are shared? Do you need to announce it in church or in your newsletter?

When you have done that, tap **I have reviewed these defaults**. The page then shows when it was reviewed, the getting-started checklist on [Administration](/admin) ticks **Review privacy defaults**, and the review is recorded in the audit log as church.privacy_reviewed. Tapping it again changes nothing.

## Other settings

Your church's name, language and time zone were set when Kapatiran set up your church. To change them, [contact support](/help/contacting-support).

Only administrators whose role may change church settings can open this page.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Mga setting ng simbahan$md$,
$md$Ipinapakita ng [Mga setting ng simbahan](/admin/settings) ang mga default sa privacy ng inyong simbahan: ang mga pinili na simula ng bawat bagong miyembro, idinagdag man isa-isa o in-import, hangga't hindi pa sila pumipili para sa sarili nila.

## Ang mga default sa privacy

- Pangalan at larawan: **Lahat sa aking simbahan**
- Numero ng mobile at e-mail: **Mga lider ng aking mga grupo at mga administrator**
- Address at kaarawan: **Mga administrator ng simbahan lamang**

Nakalista sa direktoryo ang bawat miyembro maliban kung iba ang piliin niya.

Sapat lamang ang ibinabahagi ng mga default na ito para may silbi ang direktoryo, at nananatili sa mga administrator ang address ng bahay at kaarawan. Pare-pareho ang mga ito para sa lahat ng simbahan sa Kapatiran at hindi mababago para sa isang simbahan lamang. Mapapalitan ng bawat miyembro ang sarili niyang mga pinili anumang oras; tingnan ang [Pagpili kung sino ang makakakita ng iyong mga detalye](/help/choosing-who-sees-your-details).

## Pagsusuri ng mga default

Basahin ang mga default kasama ng inyong pastor o church council. Alam ba ng mga miyembro kung paano ibinabahagi ang kanilang mga detalye? Kailangan ba itong ianunsyo sa simbahan o sa inyong newsletter?

Kapag nagawa na ninyo iyon, i-tap ang **Nasuri ko na ang mga default na ito**. Ipapakita na ng pahina kung kailan ito nasuri, malalagyan ng tsek ang **Suriin ang mga default sa privacy** sa checklist sa [Pangangasiwa](/admin), at itatala sa audit log ang pagsusuri bilang church.privacy_reviewed. Walang mababago kung i-tap itong muli.

## Iba pang setting

Itinakda ang pangalan, wika at time zone ng inyong simbahan noong i-set up ito ng Kapatiran. Para palitan ang mga ito, [makipag-ugnayan sa suporta](/help/contacting-support).

Ang mga administrator lamang na may tungkuling makapagbago ng mga setting ng simbahan ang makakapagbukas ng pahinang ito.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'church-settings' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'contacting-support', 'support', 12, $md$Contacting support$md$,
$md$Could not find the answer in Help? Ask the Kapatiran support team. They answer in English or Filipino, on this site and by e-mail.

## Before you write

- Search [Help](/help) and the [frequently asked questions](/help/faq): most answers are there.
- Questions about your church itself (who leads a group, why you were not invited) are for your church administrator.

## Asking a question

1. Tap **Support** at the bottom of any page, or open [Contact support](/support). You need to be signed in.
2. Under **Ask a question**, write a short **Subject**, for example "I cannot change my photo".
3. Under **Your question**, say what you were trying to do and what happened instead.
4. If it helps, add a **Screenshot (optional)**: a PNG, JPEG or WebP image of up to 5 MB. Check that it shows nothing you do not want to share.
5. Tap **Send question**.

If an error page showed a **reference**, copy it into your question: it helps us find what went wrong.

Never send passwords or other people's private details. Kapatiran never asks for your Google password.

## Following your question

Your questions are listed under **Your questions** on [Contact support](/support). Each shows its status:

- **Waiting for support**: the team has not answered yet.
- **Waiting for your reply**: the team answered. Open the question, write under **Reply** and tap **Send reply**.
- **Closed**: done. Replying to a closed question opens it again.

When your question is answered, tap **Close this question** so the team knows. Questions from church administrators are answered first.

## What support can see

The support team sees your name, your e-mail, your church, and what you write and send with your question. They cannot see your member details or change your privacy choices.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pakikipag-ugnayan sa suporta$md$,
$md$Hindi mo nahanap ang sagot sa Tulong? Magtanong sa support team ng Kapatiran. Sumasagot sila sa English o Filipino, sa site na ito at sa e-mail.

## Bago sumulat

- Maghanap sa [Tulong](/help) at sa [mga madalas itanong](/help/faq): naroon ang karamihan ng sagot.
- Ang mga tanong tungkol sa inyong simbahan mismo (sino ang lider ng isang grupo, bakit hindi ka pa naiimbitahan) ay para sa administrator ng inyong simbahan.

## Pagtatanong

1. I-tap ang **Suporta** sa ibaba ng kahit anong pahina, o buksan ang [Makipag-ugnayan sa suporta](/support). Kailangang naka-sign in ka.
2. Sa **Magtanong**, sumulat ng maikling **Paksa**, halimbawa "Hindi ko mapalitan ang aking larawan".
3. Sa **Ang iyong tanong**, sabihin kung ano ang sinusubukan mong gawin at ano ang nangyari.
4. Kung makatutulong, magdagdag ng **Screenshot (hindi kailangan)**: larawang PNG, JPEG o WebP na hanggang 5 MB. Tiyaking wala itong ipinapakitang ayaw mong ibahagi.
5. I-tap ang **Ipadala ang tanong**.

Kung may **reference** na ipinakita sa pahina ng error, kopyahin ito sa iyong tanong: makatutulong ito para mahanap namin ang nagkamali.

Huwag kailanman magpadala ng password o ng pribadong detalye ng ibang tao. Hindi kailanman hihingin ng Kapatiran ang iyong Google password.

## Pagsubaybay sa iyong tanong

Nakalista ang iyong mga tanong sa **Ang iyong mga tanong** sa [Makipag-ugnayan sa suporta](/support). May katayuan ang bawat isa:

- **Hinihintay ang suporta**: hindi pa sumasagot ang team.
- **Hinihintay ang iyong sagot**: sumagot na ang team. Buksan ang tanong, sumulat sa **Sumagot** at i-tap ang **Ipadala ang sagot**.
- **Sarado na**: tapos na. Mabubuksan muli ang saradong tanong kapag sumagot ka.

Kapag nasagot na ang iyong tanong, i-tap ang **Isara ang tanong na ito** para malaman ng team. Inuuna ang mga tanong mula sa mga administrator ng simbahan.

## Ang nakikita ng suporta

Nakikita ng support team ang iyong pangalan, e-mail, simbahan, at ang isinulat at ipinadala mo kasama ng tanong. Hindi nila nakikita ang iyong mga detalye bilang miyembro at hindi nila mapapalitan ang iyong mga pinili sa privacy.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'contacting-support' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'training-videos', 'getting-started', 13, $md$Training videos$md$,
$md$Short videos that show Kapatiran step by step. A video opens only when you tap its link; nothing plays by itself. Videos use mobile data (a few minutes of video can use 10 to 30 MB), so on prepaid data you may prefer to read the transcript under each link: it says everything the video says.

## Signing in for the first time

[Watch: Signing in for the first time (about 2 minutes)](https://example.org/kapatiran/training/signing-in)

**Transcript**

Welcome to Kapatiran, your church's member portal. Your church administrator first invites you using your e-mail address, and you receive an e-mail with a link. Open the link, or go to the Kapatiran home page and tap Sign in with Google. Choose the Google account of the address you were invited with. The invitation is good for 14 days, so sign in soon. If you see "Ask your church administrator", that Google account was not invited: ask your administrator to invite the address you use with Google. Once you are in, the menu at the top shows Directory, Help and My account. The English and Filipino buttons switch the language at any time.

## Finding someone in the directory

[Watch: Finding someone in the directory (about 2 minutes)](https://example.org/kapatiran/training/directory)

**Transcript**

Tap Directory in the menu to see the members of your church, sorted by family name with households together. Type part of a name in Search by name and tap Search; capital letters, accents and small spelling mistakes do not matter. To see one ministry, choose it under Group. Tap a name to open the member's card with the details they share with you; tap a mobile number to call it. The list shows initials to save data; tap Show photos if you want to see pictures. Printable directory gives a list you can print or download as a PDF. Please keep printed copies private.

## Choosing who sees your details

[Watch: Choosing who sees your details (about 3 minutes)](https://example.org/kapatiran/training/privacy)

**Transcript**

Open My account and tap Choose who sees what. For each detail, such as your mobile number or birthday, choose who may see it: everyone in your church, the leaders of your groups and administrators, church administrators only, or only you. Untick List me in the church directory if you do not want to appear in the directory at all. Before saving, tap Preview. The cards under See what others see show you exactly what a member, a leader of your groups and an administrator will see. When it looks right, tap Save my choices. You can change your choices whenever you like.

## For administrators: inviting people and setting roles

[Watch: Inviting people and setting roles (about 4 minutes)](https://example.org/kapatiran/training/users-and-roles)

**Transcript**

Open Administration, then Users. Under Invite someone, type the person's e-mail address, the one they use with Google, choose their role, and tap Send invitation. They have 14 days to sign in; you can resend or revoke the invitation under Pending invitations. Start by inviting a second administrator, so your church never depends on one person. To change someone's role later, tap their name, choose the new role and tap Change role. Under Roles you can add your church's own roles, such as Pastoral care, and tick exactly what they may do. Every change is recorded in the audit log.

## For administrators: importing members from a spreadsheet

[Watch: Importing members from a spreadsheet (about 5 minutes)](https://example.org/kapatiran/training/import)

**Transcript**

Open Administration, then Members, and tap Import members from a CSV file. Save your spreadsheet as CSV first; exports from Planning Center People and ChurchCRM work as they are. If the file has a groups column, add those groups under Groups before you import. Upload the file, then check what each column holds; Kapatiran guesses from the headers. The preview lists new members, people who are already members and rows with problems, with the reason for each. Choose what to do with existing members and whether to skip rows with problems, then tap Import. Everything is imported at once or nothing is, and the import is recorded in the audit log.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Mga training video$md$,
$md$Maiikling video na nagpapakita ng Kapatiran nang hakbang-hakbang. Bubukas lamang ang video kapag tinap mo ang link nito; walang kusang magpe-play. Gumagamit ng mobile data ang mga video (ang ilang minutong video ay maaaring umubos ng 10 hanggang 30 MB), kaya kung prepaid ang data mo, baka mas gusto mong basahin ang transcript sa ilalim ng bawat link: naroon ang lahat ng sinasabi ng video.

## Pag-sign in sa unang pagkakataon

[Panoorin: Pag-sign in sa unang pagkakataon (mga 2 minuto)](https://example.org/kapatiran/training/signing-in)

**Transcript**

Maligayang pagdating sa Kapatiran, ang member portal ng inyong simbahan. Una, iimbitahan ka ng administrator ng inyong simbahan gamit ang iyong e-mail address, at makakatanggap ka ng e-mail na may link. Buksan ang link, o pumunta sa home page ng Kapatiran at i-tap ang Mag-sign in gamit ang Google. Piliin ang Google account ng address kung saan ka inimbitahan. Magagamit ang imbitasyon sa loob ng 14 na araw, kaya mag-sign in agad. Kung makita mo ang "Magtanong sa administrator ng inyong simbahan", hindi naimbitahan ang Google account na iyon: hilingin sa administrator na imbitahan ang address na ginagamit mo sa Google. Pagpasok mo, makikita sa menu sa itaas ang Direktoryo, Tulong at Aking account. Napapalitan ang wika anumang oras gamit ang mga button na English at Filipino.

## Paghahanap ng tao sa direktoryo

[Panoorin: Paghahanap ng tao sa direktoryo (mga 2 minuto)](https://example.org/kapatiran/training/directory)

**Transcript**

I-tap ang Direktoryo sa menu para makita ang mga miyembro ng inyong simbahan, ayon sa apelyido at magkakasama ang bawat sambahayan. I-type ang bahagi ng pangalan sa Maghanap ayon sa pangalan at i-tap ang Maghanap; hindi mahalaga ang malaki o maliit na titik, ang mga accent at ang maliliit na mali sa baybay. Para makita ang isang ministry, piliin ito sa Grupo. I-tap ang isang pangalan para buksan ang card ng miyembro na may mga detalyeng ibinabahagi niya sa iyo; i-tap ang numero ng mobile para tumawag. Mga inisyal ang ipinapakita ng listahan para makatipid sa data; i-tap ang Ipakita ang mga larawan kung gusto mong makita ang mga litrato. Nagbibigay ang Direktoryong maaaring i-print ng listahang maipi-print o mada-download bilang PDF. Pakiingatang pribado ang mga naka-print na kopya.

## Pagpili kung sino ang makakakita ng iyong mga detalye

[Panoorin: Pagpili kung sino ang makakakita ng iyong mga detalye (mga 3 minuto)](https://example.org/kapatiran/training/privacy)

**Transcript**

Buksan ang Aking account at i-tap ang Piliin kung sino ang makakakita ng ano. Para sa bawat detalye, gaya ng numero ng mobile o kaarawan, piliin kung sino ang makakakita nito: lahat sa inyong simbahan, ang mga lider ng iyong mga grupo at mga administrator, ang mga administrator ng simbahan lamang, o ikaw lamang. Alisin ang tsek sa Isama ako sa direktoryo ng simbahan kung ayaw mong lumabas sa direktoryo. Bago mag-save, i-tap ang I-preview. Ipinapakita ng mga card sa Tingnan ang nakikita ng iba kung ano mismo ang makikita ng isang miyembro, ng isang lider ng iyong mga grupo at ng isang administrator. Kapag tama na, i-tap ang I-save ang aking mga pinili. Mapapalitan mo ang iyong mga pinili kahit kailan.

## Para sa mga administrator: pag-imbita ng tao at pagtatakda ng tungkulin

[Panoorin: Pag-imbita ng tao at pagtatakda ng tungkulin (mga 4 na minuto)](https://example.org/kapatiran/training/users-and-roles)

**Transcript**

Buksan ang Pangangasiwa, saka ang Mga user. Sa Mag-imbita, i-type ang e-mail address ng tao, ang ginagamit niya sa Google, pumili ng tungkulin, at i-tap ang Ipadala ang imbitasyon. May 14 na araw siya para mag-sign in; maaari mong ipadala muli o bawiin ang imbitasyon sa Mga imbitasyong naghihintay. Unahing imbitahan ang pangalawang administrator, para hindi nakasalalay sa iisang tao ang inyong simbahan. Para palitan ang tungkulin ng isang tao, i-tap ang kanyang pangalan, piliin ang bagong tungkulin at i-tap ang Palitan ang tungkulin. Sa Mga tungkulin, makakapagdagdag kayo ng sariling mga tungkulin ng simbahan, gaya ng Pastoral care, at malalagyan ng tsek kung ano mismo ang magagawa ng mga ito. Nakatala sa audit log ang bawat pagbabago.

## Para sa mga administrator: pag-import ng mga miyembro mula sa spreadsheet

[Panoorin: Pag-import ng mga miyembro mula sa spreadsheet (mga 5 minuto)](https://example.org/kapatiran/training/import)

**Transcript**

Buksan ang Pangangasiwa, saka ang Mga miyembro, at i-tap ang Mag-import ng mga miyembro mula sa CSV file. I-save muna bilang CSV ang inyong spreadsheet; puwede na kaagad ang mga export mula sa Planning Center People at ChurchCRM. Kung may column ng mga grupo ang file, idagdag muna ang mga grupong iyon sa Mga grupo bago mag-import. I-upload ang file, saka suriin kung ano ang laman ng bawat column; hinuhulaan ito ng Kapatiran mula sa mga header. Inililista ng preview ang mga bagong miyembro, ang mga miyembro na, at ang mga hilerang may problema, kasama ang dahilan ng bawat isa. Piliin ang gagawin sa mga dating miyembro at kung lalaktawan ang mga hilerang may problema, saka i-tap ang I-import. Sabay-sabay na maii-import ang lahat o wala, at nakatala sa audit log ang import.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'training-videos' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'writing-help-articles', 'staff', 14, $md$Writing help articles$md$,
$md$For Kapatiran support staff. Help articles and the FAQ are written and kept up to date under [Help articles and FAQ](/staff/help). Members read them in the help center, and pages link to the article about them.

## Writing well for our readers

Most readers use a phone on slow or prepaid data, and many read in Filipino.

- Keep an article short: one task or one question. A reader should find the answer without scrolling far.
- Use the names the app shows: the same button and page names, in bold, such as **Save my choices**.
- Link to the page where the work is done, such as [Who sees what](/me/privacy), and to related articles.
- Write in Markdown: headings with ##, lists, bold, links. Pictures and HTML are not shown to readers, so describe the screen in words.
- Videos: link to them and put a full transcript under the link. Never embed a video.

## Creating and publishing

Under **New article or FAQ entry**, choose the **Kind**, write the **Title**, the **Web address name** (it becomes /help/ and that name, and cannot be changed later), the **Category** and the **Text (Markdown)**. FAQ entries go in the FAQ category: the title is the question, the text the answer. Tap **Preview** to see it as readers will, then **Create**.

A new article is a **Draft** that only staff see. Set its status to **Published** when it is ready. Set an article that is no longer true to **Archived** instead of leaving it up.

## Revisions

Every save is a new revision. **History and changes** lists who saved what and when, compares two revisions, and restores an older one as a new revision. If someone saved the article after you opened it, your save is not made, so their change is not lost: compare, then save again.

## Translations

Write in English first. Then tap **Add Filipino translation**: the form starts with the English text, so the headings and links stay in place. A translation whose English article was saved since is marked **Out of date** until someone updates and saves it. Please translate into natural Filipino as spoken in our churches; English words people really use (sign in, e-mail, upload) are fine.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pagsulat ng mga artikulo ng tulong$md$,
$md$Para sa support staff ng Kapatiran. Isinusulat at pinapanatiling bago sa [Mga artikulo ng tulong at FAQ](/staff/help) ang mga artikulo ng tulong at ang FAQ. Binabasa ito ng mga miyembro sa help center, at may link ang mga pahina sa artikulong tungkol sa kanila.

## Mahusay na pagsulat para sa ating mga mambabasa

Telepono ang gamit ng karamihan ng mambabasa, mabagal o prepaid ang data, at marami ang nagbabasa sa Filipino.

- Panatilihing maikli ang artikulo: isang gawain o isang tanong. Dapat mahanap ng mambabasa ang sagot nang hindi na kailangang mag-scroll nang malayo.
- Gamitin ang mga pangalang ipinapakita ng app: ang parehong pangalan ng button at pahina, naka-bold, gaya ng **I-save ang aking mga pinili**.
- Mag-link sa pahina kung saan ginagawa ang gawain, gaya ng [Sino ang makakakita ng ano](/me/privacy), at sa mga kaugnay na artikulo.
- Sumulat sa Markdown: mga heading na may ##, mga listahan, makapal na titik at mga link. Hindi ipinapakita sa mga mambabasa ang mga larawan at HTML, kaya ilarawan ang screen gamit ang mga salita.
- Mga video: mag-link sa mga ito at maglagay ng buong transcript sa ilalim ng link. Huwag kailanman mag-embed ng video.

## Paggawa at paglalathala

Sa **Bagong artikulo o sagot sa FAQ**, piliin ang **Uri**, isulat ang **Pamagat**, ang **Pangalan sa web address** (magiging /help/ at ang pangalang iyon, at hindi na mababago pagkatapos), ang **Kategorya** at ang **Teksto (Markdown)**. Sa kategoryang FAQ napupunta ang mga sagot sa FAQ: ang pamagat ang tanong, ang teksto ang sagot. I-tap ang **Silipin** para makita ito gaya ng makikita ng mga mambabasa, saka ang **Gawin**.

**Borador** ang bagong artikulo, at staff lamang ang nakakakita nito. Gawing **Nakalathala** ang katayuan nito kapag handa na. Gawing **Nakaarkibo** ang artikulong hindi na totoo sa halip na hayaan itong nakalabas.

## Mga rebisyon

Bagong rebisyon ang bawat pag-save. Inililista ng **Kasaysayan at mga pagbabago** kung sino ang nag-save ng ano at kailan, inihahambing ang dalawang rebisyon, at ibinabalik ang mas luma bilang bagong rebisyon. Kung may nag-save ng artikulo matapos mo itong buksan, hindi itutuloy ang pag-save mo, kaya hindi mawawala ang pagbabago niya: maghambing, saka mag-save ulit.

## Mga salin

Sumulat muna sa English. Saka i-tap ang **Magdagdag ng saling Filipino**: nagsisimula ang form sa tekstong English, kaya nananatili sa lugar ang mga heading at link. Mamarkahang **Luma na** ang saling na-save na muli ang artikulong English nito, hanggang may mag-update at mag-save nito. Pakisalin sa natural na Filipino gaya ng sinasalita sa ating mga simbahan; ayos lang ang mga salitang English na talagang ginagamit ng mga tao (sign in, e-mail, upload).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'writing-help-articles' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'answering-tickets', 'staff', 15, $md$Answering support tickets$md$,
$md$For Kapatiran support staff. Tap **Support desk** in the menu to open the [Support inbox](/staff/tickets): the questions of every church.

## The inbox

Priority questions, asked by church administrators, come first, then those that have waited longest: a stuck administrator often means a stuck church. Each question shows its church, who asked and when it last moved. Under **Show questions that are**, choose **Open (waiting for support)**, **Waiting for the requester**, **Closed** or **All**, and tap **Show**.

## Answering

Open a question to read the conversation and any screenshot.

- Reply in the language the requester wrote in.
- Thank them, answer the question, and say what to tap, with the names the app shows.
- Link to the help article that explains it, so they can find it again. If there is none, consider [writing one](/help/writing-help-articles).

Write under **Reply to the requester**, choose what happens **After sending** (**Wait for the requester's answer**, or **Close the question**) and tap **Send reply**. The requester sees the reply in the app and gets it by e-mail. **Change the status** sets the status without a reply. When the requester replies, the question is open again for us.

## Privacy and safety

- Questions belong to the requester's church. Read only what you need to answer.
- Never ask for passwords. Kapatiran has none: everyone signs in with Google.
- We cannot change a member's details or privacy choices for them. Explain how they can do it, or ask their church administrator to help.
- Questions only the church can answer (who leads a group, who may be invited) go back to the church administrator.

## Error references

If the requester quotes a reference from an error page, it identifies the request in our logs. Pass it on to the operators with the time it happened.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Pagsagot sa mga support ticket$md$,
$md$Para sa support staff ng Kapatiran. I-tap ang **Desk ng suporta** sa menu para buksan ang [Support inbox](/staff/tickets): ang mga tanong ng bawat simbahan.

## Ang inbox

Nauuna ang mga priority na tanong, mula sa mga administrator ng simbahan, saka ang mga pinakamatagal nang naghihintay: kapag naipit ang administrator, kadalasang naipit din ang buong simbahan. Ipinapakita ng bawat tanong ang simbahan, kung sino ang nagtanong at ang huling galaw nito. Sa **Ipakita ang mga tanong na**, piliin ang **Bukas (hinihintay ang suporta)**, **Hinihintay ang nagtanong**, **Sarado na** o **Lahat**, at i-tap ang **Ipakita**.

## Pagsagot

Buksan ang isang tanong para mabasa ang usapan at anumang screenshot.

- Sumagot sa wikang ginamit ng nagtanong.
- Magpasalamat, sagutin ang tanong, at sabihin kung ano ang ita-tap, gamit ang mga pangalang ipinapakita ng app.
- Mag-link sa artikulo ng tulong na nagpapaliwanag nito, para mahanap niya itong muli. Kung wala pa, pag-isipang [sumulat ng isa](/help/writing-help-articles).

Sumulat sa **Sagutin ang nagtanong**, piliin ang mangyayari **Pagkatapos ipadala** (**Hintayin ang sagot ng nagtanong**, o **Isara ang tanong**) at i-tap ang **Ipadala ang sagot**. Makikita ng nagtanong ang sagot sa app at matatanggap niya ito sa e-mail. Binabago ng **Palitan ang katayuan** ang katayuan nang walang sagot. Kapag sumagot ang nagtanong, bukas na ulit ang tanong para sa atin.

## Privacy at kaligtasan

- Pag-aari ng simbahan ng nagtanong ang mga tanong. Basahin lamang ang kailangan para makasagot.
- Huwag kailanman humingi ng password. Walang password sa Kapatiran: sa Google nagsa-sign in ang lahat.
- Hindi natin mapapalitan ang mga detalye o pinili sa privacy ng miyembro para sa kanya. Ipaliwanag kung paano niya ito gagawin, o hilingin sa administrator ng kanyang simbahan na tumulong.
- Ibinabalik sa administrator ng simbahan ang mga tanong na ang simbahan lamang ang makasasagot (sino ang lider ng grupo, sino ang maiimbitahan).

## Mga reference ng error

Kung may binanggit na reference ang nagtanong mula sa pahina ng error, tinutukoy nito ang request sa ating mga log. Ipasa ito sa mga operator kasama ang oras ng pangyayari.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'answering-tickets' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-who-can-see-my-phone', 'faq', 1, $md$Who can see my mobile number?$md$,
$md$You decide. Until you change it, your mobile number is seen by the leaders of your groups and by your church administrators, not by every member.

To change it, open [Who sees what](/me/privacy) and choose, next to **Mobile number**: **Everyone in my church**, **Leaders of my groups and administrators**, **Church administrators only** or **Only me**. Tap **Preview** to see what others will see, then **Save my choices**. People from other churches never see it. More in [Choosing who sees your details](/help/choosing-who-sees-your-details).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Sino ang makakakita ng numero ng mobile ko?$md$,
$md$Ikaw ang magpapasya. Hangga't hindi mo pinapalitan, ang mga lider ng iyong mga grupo at ang mga administrator ng inyong simbahan ang nakakakita ng numero mo, hindi ang bawat miyembro.

Para palitan ito, buksan ang [Sino ang makakakita ng ano](/me/privacy) at pumili sa tabi ng **Numero ng mobile**: **Lahat sa aking simbahan**, **Mga lider ng aking mga grupo at mga administrator**, **Mga administrator ng simbahan lamang** o **Ako lamang**. I-tap ang **I-preview** para makita ang makikita ng iba, saka ang **I-save ang aking mga pinili**. Hindi ito kailanman makikita ng taga-ibang simbahan. Basahin pa ang [Pagpili kung sino ang makakakita ng iyong mga detalye](/help/choosing-who-sees-your-details).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-who-can-see-my-phone' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-hide-from-directory', 'faq', 2, $md$How do I hide from the directory?$md$,
$md$Open [Who sees what](/me/privacy), untick **List me in the church directory** and tap **Save my choices**. You then no longer appear in the directory or the printable directory, and other members cannot open your card. Your church administrators still see your member record, because they keep the church's records.

You can also hide single details, such as your address, and stay listed. See [Choosing who sees your details](/help/choosing-who-sees-your-details).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paano ako aalis sa direktoryo?$md$,
$md$Buksan ang [Sino ang makakakita ng ano](/me/privacy), alisin ang tsek sa **Isama ako sa direktoryo ng simbahan** at i-tap ang **I-save ang aking mga pinili**. Hindi ka na lalabas sa direktoryo o sa direktoryong maaaring i-print, at hindi na mabubuksan ng ibang miyembro ang iyong card. Makikita pa rin ng mga administrator ng inyong simbahan ang iyong member record, dahil sila ang nag-iingat ng mga rekord ng simbahan.

Maaari mo ring itago ang isa-isang detalye, gaya ng iyong address, at manatiling nakalista. Tingnan ang [Pagpili kung sino ang makakakita ng iyong mga detalye](/help/choosing-who-sees-your-details).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-hide-from-directory' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-cannot-sign-in', 'faq', 3, $md$I can't sign in. What should I do?$md$,
$md$Kapatiran signs you in with Google. Check what the page says:

- **"Ask your church administrator"**: this Google account was not invited. Ask your administrator to invite the e-mail address you use with Google. An invitation is good for 14 days; after that, your administrator can invite you again.
- **"Your account is turned off"**: your administrator deactivated the account. Talk to them.
- **"This e-mail belongs to another Google account"**: sign in with the Google account you used before.
- **"Your sign-in expired"**: start again from the Kapatiran home page, in one browser tab.

Still stuck? Your church administrator can check your invitation under Users. For anything else, [contact support](/help/contacting-support).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Hindi ako makapag-sign in. Ano ang gagawin ko?$md$,
$md$Sa Google ka isina-sign in ng Kapatiran. Tingnan kung ano ang sinasabi ng pahina:

- **"Magtanong sa administrator ng inyong simbahan"**: hindi naimbitahan ang Google account na ito. Hilingin sa administrator na imbitahan ang e-mail address na ginagamit mo sa Google. Magagamit ang imbitasyon sa loob ng 14 na araw; pagkatapos noon, maaari ka niyang imbitahang muli.
- **"Naka-off ang iyong account"**: dineactivate ng administrator ang account. Kausapin siya.
- **"Pag-aari ng ibang Google account ang e-mail na ito"**: mag-sign in gamit ang Google account na ginamit mo noon.
- **"Nag-expire ang iyong pag-sign in"**: magsimula muli mula sa home page ng Kapatiran, sa iisang tab ng browser.

Hindi pa rin makapasok? Masusuri ng administrator ng inyong simbahan ang iyong imbitasyon sa Mga user. Para sa iba pa, [makipag-ugnayan sa suporta](/help/contacting-support).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-cannot-sign-in' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-change-language', 'faq', 4, $md$How do I change the language?$md$,
$md$Tap **English** or **Filipino** at the top of any page. The page changes at once, and this phone or computer remembers your choice for next time. Help articles are written in both languages too.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paano ko papalitan ang wika?$md$,
$md$I-tap ang **English** o **Filipino** sa itaas ng kahit anong pahina. Magbabago agad ang pahina, at tatandaan ng telepono o computer na ito ang iyong pinili sa susunod. Nakasulat din sa dalawang wika ang mga artikulo ng tulong.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-change-language' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-data-saver', 'faq', 5, $md$How do I use less mobile data?$md$,
$md$Kapatiran is built for slow and prepaid data: pages are light, and photos are loaded only when you ask.

- The directory shows initials. Tap **Show photos** only when you want to see pictures.
- For no photos at all, open [My account](/me), tick **Data saver: never load photos** and tap **Save data saver setting**. It applies to this device only.
- Training videos play only when you tap them, and each has a written transcript you can read instead. See [Training videos](/help/training-videos).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paano ako makakatipid sa mobile data?$md$,
$md$Ginawa ang Kapatiran para sa mabagal at prepaid na data: magaan ang mga pahina, at naglo-load lamang ang mga larawan kapag hiniling mo.

- Mga inisyal ang ipinapakita ng direktoryo. I-tap lamang ang **Ipakita ang mga larawan** kapag gusto mong makita ang mga litrato.
- Para walang larawan kahit kailan, buksan ang [Aking account](/me), lagyan ng tsek ang **Data saver: huwag kailanman mag-load ng mga larawan** at i-tap ang **I-save ang setting ng data saver**. Para sa device na ito lamang ito.
- Nagpe-play lamang ang mga training video kapag tinap mo, at may nakasulat na transcript ang bawat isa na mababasa mo na lang. Tingnan ang [Mga training video](/help/training-videos).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-data-saver' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-export-my-data', 'faq', 6, $md$How do I get a copy of my data?$md$,
$md$You can already see and change everything you gave your church on [My account](/me), and see who sees what on [Who sees what](/me/privacy).

A button to download all your data, and to ask for it to be deleted, is coming with Kapatiran's privacy tools. Until then, ask your church administrator, or [contact support](/help/contacting-support) and we will help.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paano ako makakakuha ng kopya ng aking data?$md$,
$md$Nakikita at napapalitan mo na sa [Aking account](/me) ang lahat ng ibinigay mo sa inyong simbahan, at makikita mo sa [Sino ang makakakita ng ano](/me/privacy) kung sino ang nakakakita ng ano.

Darating kasama ng mga privacy tool ng Kapatiran ang button para i-download ang lahat ng iyong data, at para hilinging burahin ito. Habang wala pa, magtanong sa administrator ng inyong simbahan, o [makipag-ugnayan sa suporta](/help/contacting-support) at tutulungan ka namin.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-export-my-data' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-invite-someone', 'faq', 7, $md$How does an administrator invite someone?$md$,
$md$Open [Users](/admin/users) under **Administration**. Under **Invite someone**, type their **E-mail (their Google account)**, choose a **Role** and tap **Send invitation**. They get an e-mail and must sign in with that Google account within 14 days. Pending invitations can be resent or revoked. Only people whose role may manage users can invite. More in [Managing users and roles](/help/managing-users-and-roles).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paano nag-iimbita ng tao ang administrator?$md$,
$md$Buksan ang [Mga user](/admin/users) sa **Pangangasiwa**. Sa **Mag-imbita**, i-type ang kanyang **E-mail (ang kanilang Google account)**, pumili ng **Tungkulin** at i-tap ang **Ipadala ang imbitasyon**. Makakatanggap siya ng e-mail at kailangan niyang mag-sign in gamit ang Google account na iyon sa loob ng 14 na araw. Maaaring ipadala muli o bawiin ang mga imbitasyong naghihintay. Ang mga taong may tungkuling makapamahala ng mga user lamang ang makakapag-imbita. Basahin pa ang [Pamamahala ng mga user at tungkulin](/help/managing-users-and-roles).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-invite-someone' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-import-from-planning-center', 'faq', 8, $md$Can we import our members from Planning Center or ChurchCRM?$md$,
$md$Yes. Export your people from Planning Center People or ChurchCRM as a CSV file, then open [Import members](/admin/members/import). Kapatiran recognises the columns of both exports, and plain English or Filipino headers too. You check every column and a preview before anything is imported, and nothing is imported if you stop. Step by step in [Importing members](/help/importing-members).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Maaari ba naming i-import ang aming mga miyembro mula sa Planning Center o ChurchCRM?$md$,
$md$Oo. I-export ang inyong mga tao mula sa Planning Center People o ChurchCRM bilang CSV file, saka buksan ang [Mag-import ng mga miyembro](/admin/members/import). Nakikilala ng Kapatiran ang mga column ng parehong export, pati ang mga simpleng header sa English o Filipino. Susuriin mo ang bawat column at ang preview bago may ma-import, at walang maii-import kung hihinto ka. Hakbang-hakbang sa [Pag-import ng mga miyembro](/help/importing-members).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-import-from-planning-center' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'faq', 'faq-contact-support', 'faq', 9, $md$How do I contact support?$md$,
$md$Sign in, then tap **Support** at the bottom of any page, or open [Contact support](/support). Write a **Subject** and **Your question**, add a screenshot if it helps, and tap **Send question**. The answer comes on the same page and by e-mail. Questions about your own church, such as who leads a group, are best asked to your church administrator. More in [Contacting support](/help/contacting-support).
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Paano ako makikipag-ugnayan sa suporta?$md$,
$md$Mag-sign in, saka i-tap ang **Suporta** sa ibaba ng kahit anong pahina, o buksan ang [Makipag-ugnayan sa suporta](/support). Isulat ang **Paksa** at **Ang iyong tanong**, magdagdag ng screenshot kung makatutulong, at i-tap ang **Ipadala ang tanong**. Darating ang sagot sa parehong pahina at sa e-mail. Mas mabuting itanong sa administrator ng inyong simbahan ang mga tanong tungkol sa inyong simbahan mismo, gaya ng kung sino ang lider ng isang grupo. Basahin pa ang [Pakikipag-ugnayan sa suporta](/help/contacting-support).
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'faq-contact-support' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
-- Revision 1 of every seeded row, as a save by staff would leave it (no author: the seed).
INSERT INTO help_revisions (article_id, revision, title, body, status)
SELECT a.id, a.revision, a.title, a.body, a.status FROM help_articles a
WHERE a.slug IN (
  'getting-started',
  'finding-members',
  'editing-your-profile',
  'choosing-who-sees-your-details',
  'administrator-guide',
  'managing-users-and-roles',
  'managing-member-records',
  'importing-members',
  'groups-and-leaders',
  'reading-the-audit-log',
  'church-settings',
  'contacting-support',
  'training-videos',
  'writing-help-articles',
  'answering-tickets',
  'faq-who-can-see-my-phone',
  'faq-hide-from-directory',
  'faq-cannot-sign-in',
  'faq-change-language',
  'faq-data-saver',
  'faq-export-my-data',
  'faq-invite-someone',
  'faq-import-from-planning-center',
  'faq-contact-support'
)
AND NOT EXISTS (SELECT 1 FROM help_revisions r WHERE r.article_id = a.id AND r.revision = a.revision);
