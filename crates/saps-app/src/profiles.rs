//! The business profile (written by the partner's admins or the operator)
//! and the partner directory (searched by everyone signed in).
//!
//! Who sees a profile: the operator and the company's own users always; any
//! other signed-in user only while the company is listed in the directory
//! (enrolled and eligible), else its profile is `partner.not_found`.

use crate::App;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::directory::{Listing, listing};
use saps_core::event::ProfileUpdated;
use saps_core::port::{DirectoryCandidate, DirectoryQuery, Profile, Tx};
use saps_core::profile::{self, ProfileFields, directory_keys};
use saps_core::{Actor, Entity, Error, NewEvent, OrgId, OrgKind, Rule};

/// A company's profile as its pages and the API show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileView {
    pub partner_id: OrgId,
    pub name: String,
    pub fields: ProfileFields,
    pub updated_at: Option<jiff::Timestamp>,
    /// Whether the directory lists the company today.
    pub listed: bool,
}

/// What a directory search asks for (raw, as typed; checked by the use case).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectorySearch {
    pub offering: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub q: String,
    /// The cursor's (sort key, id), from [`saps_core::directory::decode_cursor`].
    pub after: Option<(String, OrgId)>,
    /// 1 to 500.
    pub limit: u32,
}

/// One page of the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryPage {
    pub items: Vec<Listing>,
    /// The opaque cursor of the next page, if there may be one.
    pub next_cursor: Option<String>,
}

/// At most this many candidates are examined for one page: a page may come
/// back short (with a cursor) rather than take long.
const MAX_SCAN: usize = 2_000;

fn empty(partner_id: OrgId) -> Profile {
    Profile {
        partner_id,
        fields: ProfileFields::default(),
        updated_at: None,
        updated_by: None,
        version: 0,
    }
}

/// The company as the directory would consider it (`None` without a profile).
fn candidate(
    tx: &mut dyn Tx,
    id: OrgId,
    today: jiff::civil::Date,
) -> Result<Option<DirectoryCandidate>, Error> {
    let (Some(org), Some(profile)) = (tx.org(id)?, tx.profile(id)?) else {
        return Ok(None);
    };
    let mut enrollments = tx.enrollments(id)?;
    enrollments.retain(|e| e.valid_until >= today);
    Ok(Some(DirectoryCandidate {
        sort_key: profile::sort_key(&org.name),
        name: org.name,
        profile,
        enrollments,
        locations: tx.locations(id)?,
        qualifications: tx.qualifications(id)?,
    }))
}

/// Gives an enrolled company an empty profile if it has none, so that the
/// directory can find it by name before it writes one (called by enrollment,
/// in its transaction).
pub(crate) fn ensure_profile(tx: &mut dyn Tx, partner_id: OrgId) -> Result<(), Error> {
    if tx.profile(partner_id)?.is_some() {
        return Ok(());
    }
    let org = tx
        .org(partner_id)?
        .ok_or(Error::NotFound(Entity::Partner))?;
    let keys = directory_keys(&org.name, &ProfileFields::default());
    tx.save_profile(&empty(partner_id), &keys)?;
    Ok(())
}

impl App {
    /// The company's profile (see the module's note on who sees it).
    pub async fn profile(&self, actor: &Actor, partner_id: OrgId) -> Result<ProfileView, Error> {
        let (program, today) = (self.program(), self.today());
        let (org, c) = self
            .read(move |tx| {
                let org = tx.org(partner_id)?;
                Ok((org, candidate(tx, partner_id, today)?))
            })
            .await?;
        let org = org
            .filter(|o| o.kind == OrgKind::Partner)
            .ok_or(Error::NotFound(Entity::Partner))?;
        let listed = c
            .as_ref()
            .is_some_and(|c| listing(&program, c, today, None, None).is_some());
        if let Err(e) = authorize(actor, Action::ViewProfile, Resource::Org(org.id, org.kind))
            && !listed
        {
            return Err(e);
        }
        let p = c.map(|c| c.profile).unwrap_or_else(|| empty(partner_id));
        Ok(ProfileView {
            partner_id,
            name: org.name,
            fields: p.fields,
            updated_at: p.updated_at,
            listed,
        })
    }

    /// Writes the company's profile (its global admin or MPN admin, or the
    /// operator). Bad input is `validation.<field>` and changes nothing.
    pub async fn update_profile(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        description: &str,
        languages: &[String],
        industries: &[String],
        website: Option<&str>,
    ) -> Result<ProfileView, Error> {
        let org = self
            .partner_for(actor, partner_id, Action::EditProfile)
            .await?;
        let fields = profile::validate(description, languages, industries, website)?;
        let (now, actor_id, program) = (self.now(), actor.user_id, self.program());
        let name = org.name.clone();
        self.write(move |tx| {
            let version = tx.profile(partner_id)?.map_or(0, |p| p.version + 1);
            let p = Profile {
                partner_id,
                fields: fields.clone(),
                updated_at: Some(now),
                updated_by: Some(actor_id),
                version,
            };
            if !tx.save_profile(&p, &directory_keys(&name, &fields))? {
                return Err(Error::Conflict {
                    entity: Entity::Profile,
                    message: "The profile changed meanwhile; try again.".into(),
                });
            }
            let body = ProfileUpdated {
                partner_id,
                description: fields.description.clone(),
                languages: fields.languages.clone(),
                industries: fields.industries.clone(),
                website: fields.website.clone(),
            };
            let event = NewEvent::new(body, now, Some(actor_id), program.version);
            tx.append_event(&event.partner(partner_id))?;
            Ok(())
        })
        .await?;
        self.profile(actor, partner_id).await
    }

    /// One page of the directory: companies enrolled and eligible today,
    /// matching every filter, by name then id (everyone signed in).
    pub async fn search_directory(
        &self,
        actor: &Actor,
        search: DirectorySearch,
    ) -> Result<DirectoryPage, Error> {
        authorize(actor, Action::SearchDirectory, Resource::Program)?;
        let program = self.program();
        let offering = match search.offering.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(o) => Some(
                program
                    .offering(o)
                    .ok_or_else(|| Rule::UnknownOffering {
                        offering: o.to_owned(),
                    })?
                    .code
                    .clone(),
            ),
        };
        let country = match search.country.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) => {
                Some(saps_core::org::country_code(c).map_err(|m| Error::invalid("country", m))?)
            }
        };
        let language = match search.language.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(l) => Some(profile::language_tag(l).ok_or_else(|| {
                Error::invalid(
                    "language",
                    format!("{l:?} is not a language tag such as en, fr or pt-BR"),
                )
            })?),
        };
        let words = profile::query_words(&search.q)?;
        let today = self.today();
        let limit = search.limit.clamp(1, 500) as usize;
        let mut query = DirectoryQuery {
            today,
            offering,
            country,
            language,
            words,
            after: search.after,
            limit: u32::try_from(limit + 1).unwrap_or(501),
            plan: None,
        };
        let mut items: Vec<(String, Listing)> = Vec::new();
        let mut scanned = 0;
        let mut last = None;
        let exhausted = loop {
            let q = query.clone();
            let batch = self.read(move |tx| Ok(tx.directory(&q)?)).await?;
            let full = batch.len() == query.limit as usize;
            for c in &batch {
                scanned += 1;
                last = Some((c.sort_key.clone(), c.profile.partner_id));
                let found = listing(
                    &program,
                    c,
                    today,
                    query.offering.as_deref(),
                    query.country.as_deref(),
                );
                if let Some(l) = found {
                    items.push((c.sort_key.clone(), l));
                    if items.len() > limit {
                        break;
                    }
                }
            }
            if items.len() > limit {
                break false;
            }
            if !full {
                break true;
            }
            if scanned >= MAX_SCAN {
                break false;
            }
            query.after.clone_from(&last);
        };
        let next_cursor = if items.len() > limit {
            items.truncate(limit);
            items
                .last()
                .map(|(k, l)| saps_core::directory::encode_cursor(k, l.partner_id))
        } else if exhausted {
            None
        } else {
            last.map(|(k, id)| saps_core::directory::encode_cursor(&k, id))
        };
        Ok(DirectoryPage {
            items: items.into_iter().map(|(_, l)| l).collect(),
            next_cursor,
        })
    }
}

/// The demo's business profiles, by a word of the company's name (folded):
/// description, languages, industries, website.
/// A word of the company's name, then its description, languages,
/// industries and website.
type DemoProfile = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

const DEMO_PROFILES: &[DemoProfile] = &[
    (
        "northwind",
        "Conseil et déploiement Microsoft 365 pour les PME et le secteur public : \
         planification du poste de travail moderne, migration vers Teams, sécurité des \
         données. Nous intervenons en français, en anglais et en italien depuis Paris et Milan.",
        &["fr", "en", "it"],
        &["government", "professional_services", "education"],
        "https://northwind.example",
    ),
    (
        "fabrikam",
        "Serviços de planejamento e implantação na nuvem: migração de dados para o Azure, \
         segurança e conformidade, modernização de aplicações. Atendemos clientes no Brasil \
         e na Rússia, em português, espanhol e russo. Развёртывание облачных решений.",
        &["pt-BR", "es", "ru"],
        &["retail", "banking", "manufacturing"],
        "https://fabrikam.example",
    ),
    (
        "contoso",
        "Consulenza per la pianificazione dei servizi: Dynamics 365, SharePoint e \
         sicurezza. Lavoriamo in italiano e in inglese.",
        &["it", "en"],
        &["healthcare", "insurance"],
        "https://contoso.example",
    ),
    (
        "litware",
        "Планирование и развёртывание Microsoft 365 и Azure: миграция данных, \
         безопасность, обучение. Работаем на русском и английском языках.",
        &["ru", "en"],
        &["energy", "telecommunications"],
        "https://litware.example",
    ),
];

/// Gives the demo's partner companies profiles in several languages, each
/// found by a word of its name (companies the table does not name are left
/// as they are). Run by the demo's seeding, as the operator.
pub async fn seed_demo_profiles(app: &App, operator: &Actor) -> Result<(), Error> {
    for org in app.orgs(operator, OrgKind::Partner).await? {
        let name = profile::fold(&org.name);
        let found = DEMO_PROFILES.iter().find(|(key, ..)| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == *key)
        });
        if let Some((_, description, languages, industries, website)) = found {
            let languages: Vec<String> = languages.iter().map(|s| (*s).to_owned()).collect();
            let industries: Vec<String> = industries.iter().map(|s| (*s).to_owned()).collect();
            app.update_profile(
                operator,
                org.id,
                description,
                &languages,
                &industries,
                Some(website),
            )
            .await?;
        }
    }
    Ok(())
}

/// How many companies one backfill transaction gives a profile.
const BACKFILL_BATCH: u32 = 500;

impl App {
    /// Gives every enrolled company without a profile an empty one, as
    /// enrolling does today: companies that enrolled before profiles existed
    /// are otherwise missing from the directory. Idempotent and safe on
    /// several nodes (the insert is conditional); returns how many it gave.
    pub async fn backfill_profiles(&self) -> Result<u64, Error> {
        let mut total = 0;
        loop {
            let (seen, given) = self
                .write(|tx| {
                    let ids = tx.enrolled_without_profile(BACKFILL_BATCH)?;
                    for id in &ids {
                        ensure_profile(tx, *id)?;
                    }
                    Ok((ids.len(), ids.len() as u64))
                })
                .await?;
            total += given;
            if seen < BACKFILL_BATCH as usize {
                return Ok(total);
            }
        }
    }
}
