//! Signing out: `DELETE /api/v1/auth/token` ends the token it is called with,
//! and only that one.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;

both_databases!(
    a_revoked_token_is_refused_at_once_and_others_keep_working,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let ba = t.world.benefit_admin.clone();
        let first = t.token(&ba).await;
        let second = t.token(&ba).await;
        assert_eq!(t.get("/api/v1/me", &first).await.status, StatusCode::OK);

        let r = t
            .call(Method::DELETE, "/api/v1/auth/token", Some(&first), None)
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);

        let me = t.get("/api/v1/me", &first).await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED);
        assert_eq!(me.code(), "auth.unauthenticated");
        // Ending it again is refused like any unknown token.
        let again = t
            .call(Method::DELETE, "/api/v1/auth/token", Some(&first), None)
            .await;
        assert_eq!(again.status, StatusCode::UNAUTHORIZED);
        // The user's other token is untouched.
        assert_eq!(t.get("/api/v1/me", &second).await.status, StatusCode::OK);
        // Without a token there is nothing to end.
        let anonymous = t
            .call(Method::DELETE, "/api/v1/auth/token", None, None)
            .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    }
);
