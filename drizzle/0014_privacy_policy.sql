-- The privacy policy (issue 7): a help article (slug privacy-policy, category
-- 'policy', shown at /privacy rather than in the help center) in English and
-- Filipino, each with its revision 1, and policy version 1 pinning both.
-- Staff edit the text afterwards in /staff/help like any article and publish
-- a new version at /staff/privacy. A slug that already exists is left alone.
INSERT INTO help_articles (locale, kind, slug, category, position, title, body, status, revision)
VALUES ('en', 'article', 'privacy-policy', 'policy', 1, $md$Privacy policy$md$,
$md$Kapatiran is a member portal that churches use to keep their membership records and to let their members find one another. This policy says what Kapatiran keeps about you, why, who can see it, how long it is kept and what you can ask of us.

## Who is responsible

Your church decides who is a member and keeps its membership records in Kapatiran: for those records your church is the personal information controller. Kapatiran (the platform) runs the service for the churches, keeps it secure and answers support requests. Write to us through [Contact support](/support); a signed-in member's message reaches our support staff and, where it concerns your church's records, we pass it to your church administrator.

## What we keep

- **Your account**: your name, your e-mail address, your church and role, the Google account id that Cognito gives us when you sign in with Google, and when you last signed in. We never see your Google password.
- **Your member record**, kept by your church: name, household, the groups you belong to, mobile number, e-mail, address and birthday, and notes your church administrators write for church work.
- **Your privacy choices**: for each detail, who may see it (the whole church, leaders, administrators only, or nobody), and whether you are listed in the directory at all.
- **Your photo**, if you add one, in a few small sizes.
- **Sign-in sessions**: a random session id (we store only its hash), when it started and was last used, the browser (user agent) and the internet address it came from, so you can see your sessions and sign out everywhere.
- **The audit log**: who changed what and when (with the internet address of the request), so a church can check how its records were handled. It cannot be edited.
- **Help and support**: answers to "Was this helpful?" with an optional comment, and the support tickets you open, with their messages and any screenshot you attach.
- **Cookie consent records**: your cookie choice, the policy version it was made under, when, a random consent id, your account if you were signed in, your browser (user agent), and a keyed hash of your internet address instead of the address itself. These are our proof of your choice.
- **Requests about your data**, such as a request to delete your account, and what was decided.

We do not sell your information, show advertising, or use analytics or tracking cookies.

## Why we use it

To run the directory and the administration your church asked for (the membership relationship with your church and its legitimate interest in keeping its records), to keep the service secure and to investigate misuse (legitimate interest), to answer you when you ask for help, and to keep records the law asks us to keep. Cookies other than the strictly necessary ones would only be used with your consent (see [Cookies](/cookies)).

## Who can see your details

Other members see only what your privacy choices allow. Group leaders see what you share with leaders, for the groups they lead. Your church administrators see your member record; details you hide from everyone are shown to them only through an explicit view that is written to the audit log. Kapatiran support staff see a ticket you open and what you put in it. Nobody from another church sees your details.

## Where it is kept and who processes it

Kapatiran runs on Amazon Web Services (AWS) in the Singapore region (ap-southeast-1): the application server (EC2), photos and files (S3), sign-in (Cognito, with Google as the sign-in provider) and application logs (CloudWatch). AWS processes the data for us under its data processing terms; Google receives your sign-in only. Data is sent over encrypted connections. Because Singapore is outside the Philippines, we rely on these contracts and AWS's security measures for the transfer.

## How long we keep it

- Sessions end after their time is up or when you sign out, and expired sessions are removed.
- Application logs are kept for 90 days.
- Consent records are kept while they are needed as proof of your choice, and then removed.
- Your account and member record are kept while you are a member of a church that uses Kapatiran. When your church removes you or approves your deletion request, your name, contact details, photo and Google ids are removed; counts that no longer identify you may remain in the church's statistics.
- Audit entries are kept so churches can prove how their records were handled.

## Your rights

Under the Philippine Data Privacy Act of 2012, the EU General Data Protection Regulation (GDPR) and the California Consumer Privacy Act (CCPA), as far as each applies to you, you may:

- **See and take a copy** of what we hold about you: download it at [My data](/me/data).
- **Correct** your details at [My account](/me), or ask your church administrator.
- **Choose who sees your details** at [Who sees what](/me/privacy).
- **Ask us to delete** your account at [My data](/me/data); your church administrator decides within 30 days and you are told the outcome.
- **Object or withdraw consent** at any time, for example by changing your choice at [Cookies](/cookies).
- **Complain** to the National Privacy Commission of the Philippines (privacy.gov.ph) or to the data protection authority where you live.

We do not sell or share personal information for advertising as the CCPA defines it. Contact us through [Contact support](/support) for anything in this policy.

## Cookies

Kapatiran uses only strictly necessary cookies unless you agree to more: the list and your choices are at [Cookies](/cookies). If your browser sends Global Privacy Control or Do Not Track, we treat it as a refusal of everything but the strictly necessary cookies.

## Changes

When this policy changes we publish a new version with a short summary of what changed, keep the earlier versions readable on this page, and ask for your cookie choice again.
$md$, 'published', 1)
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_articles (source_id, locale, kind, slug, category, position, title, body, status, revision, source_revision)
SELECT id, 'fil', kind, slug, category, position, $md$Patakaran sa privacy$md$,
$md$Ang Kapatiran ay isang member portal na ginagamit ng mga simbahan para itago ang kanilang talaan ng mga miyembro at para magkita-kita ang kanilang mga miyembro. Sinasabi ng patakarang ito kung ano ang itinatago ng Kapatiran tungkol sa iyo, kung bakit, kung sino ang makakakita nito, gaano ito katagal itatago at kung ano ang maaari mong hilingin sa amin.

## Sino ang may pananagutan

Ang iyong simbahan ang nagpapasya kung sino ang miyembro at siyang nagtatago ng talaan ng mga miyembro nito sa Kapatiran: para sa mga talaang iyon, ang iyong simbahan ang personal information controller. Ang Kapatiran (ang plataporma) ang nagpapatakbo ng serbisyo para sa mga simbahan, nagbabantay sa seguridad nito at sumasagot sa mga hiling ng suporta. Sumulat sa amin sa [Makipag-ugnayan sa suporta](/support); ang mensahe ng miyembrong naka-sign in ay nakararating sa aming support staff, at kung tungkol ito sa mga talaan ng iyong simbahan, ipinapasa namin ito sa administrator ng iyong simbahan.

## Ano ang itinatago namin

- **Ang iyong account**: pangalan, e-mail address, simbahan at tungkulin, ang Google account id na ibinibigay ng Cognito kapag nag-sign in ka gamit ang Google, at kung kailan ka huling nag-sign in. Hindi namin kailanman nakikita ang password mo sa Google.
- **Ang iyong talaan bilang miyembro**, na itinatago ng iyong simbahan: pangalan, sambahayan, mga grupong kinabibilangan mo, numero ng mobile, e-mail, address at kaarawan, at mga tala ng mga administrator ng simbahan para sa gawain ng simbahan.
- **Ang iyong mga pinili sa privacy**: para sa bawat detalye, kung sino ang makakakita nito (ang buong simbahan, mga lider, mga administrator lang, o walang iba), at kung nakalista ka sa direktoryo.
- **Ang iyong larawan**, kung maglagay ka, sa ilang maliliit na laki.
- **Mga sign-in session**: isang random na session id (ang hash lang nito ang itinatago namin), kung kailan ito nagsimula at huling ginamit, ang browser (user agent) at ang internet address na pinanggalingan nito, para makita mo ang iyong mga session at makapag-sign out sa lahat ng device.
- **Ang audit log**: kung sino ang nagbago ng ano at kailan (kasama ang internet address ng request), para masuri ng simbahan kung paano hinawakan ang mga talaan nito. Hindi ito mababago.
- **Tulong at suporta**: mga sagot sa "Nakatulong ba ito?" na may opsyonal na komento, at ang mga support ticket na binuksan mo, kasama ang mga mensahe at anumang screenshot na ikinabit mo.
- **Mga talaan ng pahintulot sa cookie**: ang pinili mo sa cookie, ang bersyon ng patakaran noong pumili ka, kung kailan, isang random na consent id, ang iyong account kung naka-sign in ka, ang iyong browser (user agent), at isang keyed hash ng iyong internet address sa halip na ang address mismo. Ito ang patunay namin ng iyong pinili.
- **Mga hiling tungkol sa iyong datos**, gaya ng hiling na burahin ang iyong account, at kung ano ang napagpasyahan.

Hindi namin ipinagbibili ang iyong impormasyon, hindi kami nagpapakita ng advertising, at hindi kami gumagamit ng analytics o tracking cookie.

## Bakit namin ito ginagamit

Para patakbuhin ang direktoryo at ang pangangasiwang hiniling ng iyong simbahan (ang ugnayan mo bilang miyembro ng simbahan at ang lehitimong interes nito na panatilihin ang mga talaan nito), para panatilihing ligtas ang serbisyo at siyasatin ang maling paggamit (lehitimong interes), para sagutin ka kapag humingi ka ng tulong, at para itago ang mga talaang hinihingi ng batas. Ang mga cookie na hindi mahigpit na kailangan ay gagamitin lang kung papayag ka (tingnan ang [Cookies](/cookies)).

## Sino ang makakakita ng iyong mga detalye

Ang ibang miyembro ay makakakita lang ng pinapayagan ng iyong mga pinili sa privacy. Makikita ng mga lider ng grupo ang ibinabahagi mo sa mga lider, para sa mga grupong pinamumunuan nila. Nakikita ng mga administrator ng iyong simbahan ang iyong talaan bilang miyembro; ang mga detalyeng itinago mo sa lahat ay ipinapakita lang sa kanila sa isang hiwalay na view na naitatala sa audit log. Nakikita ng support staff ng Kapatiran ang ticket na binuksan mo at ang inilagay mo roon. Walang taga-ibang simbahan ang nakakakita ng iyong mga detalye.

## Saan ito itinatago at sino ang nagpoproseso nito

Tumatakbo ang Kapatiran sa Amazon Web Services (AWS) sa rehiyon ng Singapore (ap-southeast-1): ang application server (EC2), mga larawan at file (S3), pag-sign in (Cognito, na may Google bilang paraan ng pag-sign in) at mga application log (CloudWatch). Pinoproseso ng AWS ang datos para sa amin ayon sa mga kasunduan nito sa pagproseso ng datos; ang pag-sign in mo lang ang natatanggap ng Google. Ipinapadala ang datos sa mga naka-encrypt na koneksyon. Dahil nasa labas ng Pilipinas ang Singapore, umaasa kami sa mga kasunduang ito at sa mga hakbang pangseguridad ng AWS para sa paglilipat.

## Gaano katagal namin ito itinatago

- Natatapos ang mga session kapag naubos ang oras nito o nag-sign out ka, at binubura ang mga expired na session.
- Itinatago ang mga application log nang 90 araw.
- Itinatago ang mga talaan ng pahintulot habang kailangan pa bilang patunay ng iyong pinili, at saka binubura.
- Itinatago ang iyong account at talaan bilang miyembro habang miyembro ka ng simbahang gumagamit ng Kapatiran. Kapag inalis ka ng iyong simbahan o inaprubahan ang hiling mong magpabura, inaalis ang iyong pangalan, mga contact detail, larawan at mga Google id; maaaring manatili sa estadistika ng simbahan ang mga bilang na hindi na nagpapakilala sa iyo.
- Itinatago ang mga audit entry para mapatunayan ng mga simbahan kung paano hinawakan ang kanilang mga talaan.

## Ang iyong mga karapatan

Ayon sa Data Privacy Act of 2012 ng Pilipinas, sa General Data Protection Regulation (GDPR) ng EU at sa California Consumer Privacy Act (CCPA), hangga't saklaw ka ng bawat isa, maaari mong:

- **Makita at kumuha ng kopya** ng hawak namin tungkol sa iyo: i-download ito sa [Aking datos](/me/data).
- **Itama** ang iyong mga detalye sa [Aking account](/me), o hilingin sa administrator ng iyong simbahan.
- **Piliin kung sino ang makakakita ng iyong mga detalye** sa [Sino ang makakakita ng ano](/me/privacy).
- **Hilingin sa aming burahin** ang iyong account sa [Aking datos](/me/data); magpapasya ang administrator ng iyong simbahan sa loob ng 30 araw at sasabihan ka ng resulta.
- **Tumutol o bawiin ang pahintulot** anumang oras, halimbawa sa pagbago ng iyong pinili sa [Cookies](/cookies).
- **Magreklamo** sa National Privacy Commission ng Pilipinas (privacy.gov.ph) o sa awtoridad sa proteksyon ng datos kung saan ka nakatira.

Hindi namin ipinagbibili o ibinabahagi ang personal na impormasyon para sa advertising ayon sa kahulugan ng CCPA. Makipag-ugnayan sa amin sa [Makipag-ugnayan sa suporta](/support) para sa anumang bagay sa patakarang ito.

## Mga cookie

Mga mahigpit na kailangang cookie lang ang ginagamit ng Kapatiran maliban kung pumayag ka sa iba pa: nasa [Cookies](/cookies) ang listahan at ang iyong mga pinili. Kung nagpapadala ang iyong browser ng Global Privacy Control o Do Not Track, itinuturing namin itong pagtanggi sa lahat maliban sa mga mahigpit na kailangang cookie.

## Mga pagbabago

Kapag nagbago ang patakarang ito, naglalathala kami ng bagong bersyon na may maikling buod ng nagbago, nananatiling mababasa sa pahinang ito ang mga naunang bersyon, at muli naming hinihingi ang iyong pinili sa cookie.
$md$, 'published', 1, revision
FROM help_articles WHERE slug = 'privacy-policy' AND locale = 'en'
ON CONFLICT (slug, locale) DO NOTHING;--> statement-breakpoint
INSERT INTO help_revisions (article_id, revision, title, body, status)
SELECT a.id, a.revision, a.title, a.body, a.status FROM help_articles a
WHERE a.slug = 'privacy-policy'
AND NOT EXISTS (SELECT 1 FROM help_revisions r WHERE r.article_id = a.id AND r.revision = a.revision);--> statement-breakpoint
-- Version 1 pins whatever revisions the two rows carry now (1 on a fresh database).
INSERT INTO policy_versions (version, english_revision, filipino_revision, summary)
SELECT 1, en.revision, fil.revision, 'First published version'
FROM help_articles en
LEFT JOIN help_articles fil ON fil.source_id = en.id AND fil.locale = 'fil'
WHERE en.slug = 'privacy-policy' AND en.locale = 'en'
ON CONFLICT (version) DO NOTHING;
