# directory: see main.ftl for the conventions. Il profilo aziendale e l'elenco dei partner.

nav-directory = Elenco dei partner
nav-profile = Profilo aziendale

## Il profilo aziendale

profile-title = Profilo aziendale
profile-intro = I clienti trovano la tua azienda nell'elenco dei partner dal nome e da questo profilo.
profile-listed = Presente nell'elenco dei partner
profile-not-listed = Assente dall'elenco dei partner
profile-listed-hint = La tua azienda ha un'iscrizione valida e un'idoneità Attivo in almeno un'offerta.
profile-not-listed-hint = L'elenco mostra solo i partner con un'iscrizione valida e un'idoneità Attivo nell'offerta.
profile-updated = Ultimo aggiornamento il { $date }.
profile-description = Descrizione
profile-description-hint = Che cosa fa la tua azienda, per chi e come (al massimo 2.500 caratteri).
profile-languages = Lingue
profile-languages-hint = Codici di lingua separati da virgole, ad esempio it, en, fr (al massimo 20).
profile-industries = Settori
profile-industries-hint = Scegline al massimo 20.
profile-website = Sito web
profile-website-hint = Un indirizzo che inizia con https:// o http:// (al massimo 200 caratteri).
profile-save = Salva il profilo
profile-read-title = Il profilo della tua azienda
profile-read-only = Solo l'Amministratore globale e gli Amministratori partner MPN possono modificare il profilo aziendale.
done-profile-saved = Il profilo aziendale è stato salvato.
invalid-description = La descrizione può avere al massimo 2.500 caratteri, senza caratteri di controllo.
invalid-languages = Indica al massimo 20 codici di lingua, ad esempio it, en o pt-BR, separati da virgole.
invalid-industries = Scegli al massimo 20 settori dall'elenco.
invalid-website = Indica un indirizzo web che inizia con https:// o http://, di al massimo 200 caratteri.
conflict-profile = Qualcuno ha modificato il profilo aziendale nello stesso momento. Ricarica la pagina e riprova.

## L'elenco dei partner

directory-title = Elenco dei partner
directory-intro = I partner con un'iscrizione valida a un'offerta e un'idoneità Attivo. La ricerca ignora maiuscole e accenti.
directory-search-label = Cerca nell'elenco dei partner
directory-q = Cerca
directory-q-hint = Parole del nome o della descrizione del partner; basta l'inizio di una parola.
directory-offering = Offerta
directory-any-offering = Qualsiasi offerta
directory-country = Paese
directory-country-hint = Codice di due lettere, ad esempio IT o FR.
directory-language = Lingua
directory-language-hint = Un codice di lingua, ad esempio it o pt-BR.
directory-search = Cerca
directory-results = Partner
directory-none-found = Nessun partner corrisponde a questa ricerca.
directory-empty = Non ci sono ancora partner nell'elenco.
directory-offerings = Offerte
directory-locations = Sedi
directory-languages = Lingue
directory-industries = Settori
directory-website = Sito web
directory-no-vouchers = Non hai voucher in attesa di essere assegnati.
directory-assign-voucher = Voucher da assegnare a { $partner }
directory-choose-voucher = Scegli un voucher
directory-assign = Assegna
directory-assign-choose = Scegli uno dei tuoi voucher da assegnare.
directory-next = Pagina successiva
invalid-language = Indica un codice di lingua, ad esempio it o pt-BR.
invalid-q = Cerca con al massimo 200 caratteri.

## Settori

industry-agriculture = Agricoltura
industry-automotive = Settore automobilistico
industry-banking = Banche
industry-construction = Edilizia
industry-consumer-goods = Beni di consumo
industry-education = Istruzione
industry-energy = Energia
industry-financial-services = Servizi finanziari
industry-government = Pubblica amministrazione
industry-healthcare = Sanità
industry-hospitality = Ospitalità e ristorazione
industry-insurance = Assicurazioni
industry-legal = Servizi legali
industry-manufacturing = Manifatturiero
industry-media = Media e intrattenimento
industry-nonprofit = Non profit
industry-pharmaceuticals = Farmaceutico
industry-professional-services = Servizi professionali
industry-real-estate = Immobiliare
industry-retail = Commercio al dettaglio
industry-technology = Tecnologia
industry-telecommunications = Telecomunicazioni
industry-transportation = Trasporti e logistica
industry-utilities = Servizi di pubblica utilità
