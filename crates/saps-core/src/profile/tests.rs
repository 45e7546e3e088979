use super::*;

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn folding_ignores_case_and_accents_in_every_script() {
    assert_eq!(fold("Déploiement"), "deploiement");
    assert_eq!(fold("SERVIÇOS"), "servicos");
    assert_eq!(fold("Ёлка"), "елка");
    assert_eq!(fold("Ｆｕｌｌ"), "full");
    assert_eq!(
        words("Serviços de Nuvem, nuvem & déploiement!"),
        strings(&["servicos", "de", "nuvem", "deploiement"])
    );
    assert_eq!(sort_key("  Émile   Conseil "), "emile conseil");
}

#[test]
fn language_tags_are_normalised_and_shapes_checked() {
    assert_eq!(language_tag("pt-br").as_deref(), Some("pt-BR"));
    assert_eq!(language_tag(" EN ").as_deref(), Some("en"));
    assert_eq!(language_tag("zh_hant_tw").as_deref(), Some("zh-Hant-TW"));
    assert_eq!(language_tag("es-419").as_deref(), Some("es-419"));
    for bad in [
        "", "e", "english", "fr-", "fr-FRA", "en-US-GB", "1a", "fr FR", "é",
    ] {
        assert_eq!(language_tag(bad), None, "{bad:?}");
    }
    assert_eq!(language_keys("pt-BR"), strings(&["pt-BR", "pt"]));
}

#[test]
fn websites_must_be_http_urls_with_a_host() {
    assert_eq!(
        website_url("HTTPS://Example.COM/About?x=1").as_deref(),
        Some("https://example.com/About?x=1")
    );
    assert!(website_url("http://localhost:8080/").is_some());
    for bad in [
        "example.com",
        "ftp://example.com",
        "https://",
        "https://exa mple.com",
        "https://user@example.com",
        "https://-x.com",
        "javascript:alert(1)",
        "https://example",
    ] {
        assert_eq!(website_url(bad), None, "{bad:?}");
    }
    let long = format!("https://example.com/{}", "a".repeat(200));
    assert_eq!(website_url(&long), None);
}

#[test]
fn validation_names_the_field_and_deduplicates() {
    let p = validate(
        " Hello ",
        &strings(&["fr", "FR", "pt-br"]),
        &strings(&["Retail", "retail", "banking"]),
        Some(""),
    )
    .expect("valid");
    assert_eq!(p.description, "Hello");
    assert_eq!(p.languages, strings(&["fr", "pt-BR"]));
    assert_eq!(p.industries, strings(&["retail", "banking"]));
    assert_eq!(p.website, None);
    let field = |r: Result<ProfileFields, Error>| match r {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    let long = "é".repeat(MAX_DESCRIPTION + 1);
    assert_eq!(field(validate(&long, &[], &[], None)), "description");
    assert!(validate(&"é".repeat(MAX_DESCRIPTION), &[], &[], None).is_ok());
    assert_eq!(
        field(validate("", &strings(&["xx-yy-zz"]), &[], None)),
        "languages"
    );
    let many: Vec<String> = (0..21)
        .map(|i| format!("a{}", (b'a' + i) as char))
        .collect();
    assert_eq!(field(validate("", &many, &[], None)), "languages");
    assert_eq!(
        field(validate("", &[], &strings(&["mining"]), None)),
        "industries"
    );
    assert_eq!(field(validate("", &[], &[], Some("www.x.com"))), "website");
}

#[test]
fn keys_hold_the_name_and_description_words_and_language_families() {
    let p = ProfileFields {
        description: "Serviços de nuvem".into(),
        languages: strings(&["pt-BR", "pt", "en"]),
        ..ProfileFields::default()
    };
    let k = directory_keys("Nuvem Ágil", &p);
    assert_eq!(k.sort_key, "nuvem agil");
    assert_eq!(k.terms, strings(&["nuvem", "agil", "servicos", "de"]));
    assert_eq!(k.languages, strings(&["pt-BR", "pt", "en"]));
    assert_eq!(
        query_words("  ÁGIL  servi ").expect("ok"),
        strings(&["agil", "servi"])
    );
    assert!(query_words(&"x".repeat(MAX_QUERY + 1)).is_err());
}

#[test]
fn tokens_are_each_value_between_spaces() {
    assert_eq!(tokens(&[]), " ");
    let v = ["cloud".to_owned(), "pt-BR".to_owned()];
    assert_eq!(tokens(&v), " cloud pt-BR ");
    // A prefix is found after a space, a whole value between two.
    assert!(tokens(&v).contains(" clo"));
    assert!(tokens(&v).contains(" pt-BR "));
    assert!(!tokens(&v).contains(" pt "));
}
