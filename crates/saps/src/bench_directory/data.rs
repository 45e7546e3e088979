//! The directory scenario's seeded data: companies with names, locations,
//! records, enrollments and profiles drawn from small vocabularies.

use saps_app::App;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, Enrollment, ExamRecord, Profile, TrainingRecord,
};
use saps_core::profile::ProfileFields;
use saps_core::{Location, LocationId, Org, OrgId, OrgKind, Role, User, UserId};

/// A small deterministic generator (xorshift), so runs are comparable.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Index into `n` items, skewed towards the first ones (Zipf-like).
    pub(super) fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0).floor().min(n as f64 - 1.0) as usize
    }
    pub(super) fn pick<'a>(&mut self, v: &'a [&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

pub(super) const SYLLABLES: &[&str] = &[
    "ar", "bel", "cor", "da", "el", "fin", "gal", "hor", "is", "jun", "ka", "lu", "mar", "nor",
    "or", "pal", "qui", "ros", "sol", "tar", "ul", "ver", "wen", "xan", "yor", "zen", "án", "éo",
    "ção", "ñu",
];
pub(super) const SUFFIXES: &[&str] = &[
    "Consulting",
    "Conseil",
    "Serviços",
    "Soluções",
    "Systems",
    "Technologies",
    "Partners",
    "Informatique",
    "Tecnologia",
    "Digital",
    "Group",
    "Софт",
    "Решения",
    "Consulenza",
    "Labs",
];
/// Words of descriptions, most frequent first, in several languages.
pub(super) const WORDS: &[&str] = &[
    "cloud",
    "microsoft",
    "deployment",
    "services",
    "planning",
    "azure",
    "data",
    "security",
    "migration",
    "modern",
    "workplace",
    "teams",
    "déploiement",
    "serviços",
    "nuvem",
    "données",
    "sécurité",
    "infrastructure",
    "analytics",
    "dynamics",
    "sharepoint",
    "exchange",
    "windows",
    "devices",
    "licensing",
    "governance",
    "compliance",
    "identity",
    "network",
    "support",
    "consultoria",
    "implantação",
    "segurança",
    "migração",
    "облако",
    "развёртывание",
    "данные",
    "безопасность",
    "миграция",
    "consulenza",
    "sicurezza",
    "soluzioni",
    "integrazione",
    "power",
    "automation",
    "sql",
    "server",
    "kubernetes",
    "devops",
    "hybrid",
    "backup",
    "recovery",
    "education",
    "healthcare",
    "retail",
    "banking",
    "manufacturing",
    "public",
    "sector",
    "small",
    "business",
    "enterprise",
    "training",
    "workshops",
    "assessment",
    "roadmap",
    "strategy",
    "architecture",
    "office",
    "productivity",
    "collaboration",
    "voice",
    "mobile",
    "endpoint",
    "intune",
    "defender",
    "sentinel",
    "purview",
    "fabric",
    "synapse",
    "databricks",
    "machine",
    "learning",
    "intelligence",
    "artificielle",
    "inteligência",
    "artificial",
    "bureautique",
    "infogérance",
    "hébergement",
    "régions",
    "équipes",
    "français",
    "português",
    "brasileiro",
    "русский",
    "italiano",
    "español",
    "nube",
    "despliegue",
    "servicios",
];
pub(super) const LANGUAGES: &[&str] = &[
    "en", "fr", "de", "es", "pt-BR", "it", "ru", "nl", "pl", "ja", "zh-Hans", "sv", "pt-PT", "tr",
];
pub(super) const COUNTRIES: &[(&str, &[&str])] = &[
    ("US", &["Seattle", "New York", "Austin", "Chicago"]),
    ("GB", &["London", "Manchester", "Leeds"]),
    ("DE", &["Berlin", "München", "Köln"]),
    ("FR", &["Paris", "Lyon", "Toulouse", "Nantes"]),
    ("BR", &["São Paulo", "Rio de Janeiro", "Belo Horizonte"]),
    ("IT", &["Roma", "Milano", "Torino"]),
    ("ES", &["Madrid", "Barcelona", "Sevilla"]),
    ("CA", &["Toronto", "Montréal", "Vancouver"]),
    ("IN", &["Bengaluru", "Mumbai", "Pune"]),
    ("JP", &["Tokyo", "Osaka"]),
    ("NL", &["Amsterdam", "Utrecht"]),
    ("PL", &["Warszawa", "Kraków"]),
    ("RU", &["Москва", "Санкт-Петербург"]),
    ("AU", &["Sydney", "Melbourne"]),
    ("MX", &["Ciudad de México", "Monterrey"]),
    ("SE", &["Stockholm", "Göteborg"]),
    ("PT", &["Lisboa", "Porto"]),
    ("BE", &["Bruxelles", "Antwerpen"]),
    ("CH", &["Zürich", "Genève"]),
    ("AT", &["Wien", "Graz"]),
    ("IE", &["Dublin", "Cork"]),
    ("DK", &["København", "Aarhus"]),
    ("NO", &["Oslo", "Bergen"]),
    ("FI", &["Helsinki", "Espoo"]),
    ("ZA", &["Johannesburg", "Cape Town"]),
    ("AR", &["Buenos Aires", "Córdoba"]),
    ("CL", &["Santiago", "Valparaíso"]),
    ("CO", &["Bogotá", "Medellín"]),
    ("TR", &["İstanbul", "Ankara"]),
    ("SG", &["Singapore"]),
];

/// One company's rows.
pub(super) struct Seed {
    pub(super) org: Org,
    pub(super) locations: Vec<Location>,
    pub(super) user: User,
    pub(super) training: TrainingRecord,
    pub(super) competencies: Vec<CompetencyRecord>,
    pub(super) exams: Vec<ExamRecord>,
    pub(super) enrollments: Vec<Enrollment>,
    pub(super) profile: Profile,
    pub(super) name: String,
}

pub(super) fn company(rng: &mut Rng, app: &App, i: usize, now: jiff::Timestamp) -> Seed {
    let d = jiff::civil::date;
    let program = app.program();
    let mut name = String::new();
    for _ in 0..2 + rng.below(2) {
        name.push_str(rng.pick(SYLLABLES));
    }
    let mut name: String = {
        let mut c = name.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    name.push(' ');
    name.push_str(rng.pick(SUFFIXES));
    if i.is_multiple_of(7) {
        name.push_str(&format!(" {}", i % 1000));
    }
    let (home, _) = COUNTRIES[rng.skewed(COUNTRIES.len())];
    let org = Org {
        id: OrgId::new(),
        kind: OrgKind::Partner,
        name: name.clone(),
        country: home.into(),
        benefit_active: false,
        created_at: now,
    };
    let mut locations = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let (country, cities) = COUNTRIES[rng.skewed(COUNTRIES.len())];
        let city = cities[rng.below(cities.len())];
        locations.push(Location {
            id: LocationId::new(),
            partner_id: org.id,
            name: format!("{name} {city}"),
            country: country.into(),
            city: city.into(),
        });
    }
    let user = User {
        id: UserId::new(),
        org_id: org.id,
        email: format!("consultant-{}@bench.example", org.id),
        name: "Consultant".into(),
        role: Role::Consultant,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        created_at: now,
        locale: Default::default(),
        disabled: false,
    };
    let training = TrainingRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: org.id,
        course: program.compliance_course.clone(),
        completed_on: d(2020, 10, 1),
        recorded_at: now,
    };
    let lapsed_competency = rng.below(100) < 5;
    let lapsed_enrollment = rng.below(100) < 3;
    let (mut competencies, mut exams, mut enrollments) = (Vec::new(), Vec::new(), Vec::new());
    let mut offerings: Vec<usize> = Vec::new();
    for _ in 0..1 + rng.below(2) {
        let o = rng.skewed(program.offerings.len());
        if !offerings.contains(&o) {
            offerings.push(o);
        }
    }
    for o in offerings {
        let offering = &program.offerings[o];
        let e = &offering.engagements[0];
        competencies.push(CompetencyRecord {
            id: uuid::Uuid::now_v7(),
            partner_id: org.id,
            competency: e.competency.clone(),
            level: CompetencyLevel::Gold,
            valid_until: if lapsed_competency {
                d(2020, 10, 31)
            } else {
                d(2021, 10, 1)
            },
            recorded_at: now,
        });
        exams.push(ExamRecord {
            id: uuid::Uuid::now_v7(),
            partner_id: org.id,
            user_id: user.id,
            exam: e.exams[0].clone(),
            passed_on: d(2020, 9, 1),
            recorded_at: now,
        });
        enrollments.push(Enrollment {
            id: uuid::Uuid::now_v7(),
            partner_id: org.id,
            offering: offering.code.clone(),
            location_ids: locations.iter().map(|l| l.id).collect(),
            valid_until: if lapsed_enrollment {
                d(2020, 11, 1)
            } else {
                d(2021, 11, 1)
            },
            agreement_version: 1,
            enrolled_at: now,
            enrolled_by: user.id,
            version: 0,
        });
    }
    let mut description: Vec<&str> = Vec::new();
    for _ in 0..8 + rng.below(20) {
        description.push(WORDS[rng.skewed(WORDS.len())]);
    }
    let mut languages: Vec<String> = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let l = LANGUAGES[rng.skewed(LANGUAGES.len())].to_owned();
        if !languages.contains(&l) {
            languages.push(l);
        }
    }
    let fields = ProfileFields {
        description: description.join(" "),
        languages,
        industries: vec![
            saps_core::profile::INDUSTRIES[rng.below(saps_core::profile::INDUSTRIES.len())].into(),
        ],
        website: Some(format!("https://{}.example.com", org.id.0.simple())),
    };
    Seed {
        profile: Profile {
            partner_id: org.id,
            fields,
            updated_at: Some(now),
            updated_by: None,
            version: 0,
        },
        org,
        locations,
        user,
        training,
        competencies,
        exams,
        enrollments,
        name,
    }
}
