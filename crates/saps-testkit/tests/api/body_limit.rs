//! The body limit holds for every request, while the body streams in: a body
//! over the limit is refused before it is buffered, also when the request
//! carries an `Idempotency-Key` (whose layer reads the body to hash it).

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use http_body::Frame;
use saps_testkit::both_databases;
use saps_testkit::testapp::TestApp;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::ServiceExt;

/// A body that sends `limit` bytes of JSON-ish text and then never ends: a
/// server that waits for the whole body before applying its limit hangs on it.
struct Endless {
    sent: usize,
    limit: usize,
}

impl http_body::Body for Endless {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.sent >= self.limit {
            // Never woken again: the rest of the body never arrives.
            return Poll::Pending;
        }
        self.sent += 64 * 1024;
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(vec![b' '; 64 * 1024])))))
    }
}

both_databases!(
    a_body_over_the_limit_is_refused_while_it_streams_with_or_without_an_idempotency_key,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let token = t.token(&t.world.benefit_admin).await;
        let events = t.event_count().await;
        for key in [None, Some("big-body-1")] {
            let mut req = Request::post("/api/v1/vouchers")
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/json");
            if let Some(k) = key {
                req = req.header("idempotency-key", k);
            }
            let body = Body::new(Endless {
                sent: 0,
                limit: 2 * 1024 * 1024,
            });
            let answer = tokio::time::timeout(
                Duration::from_secs(20),
                t.router.clone().oneshot(req.body(body).expect("request")),
            )
            .await
            .unwrap_or_else(|_| panic!("no answer with key {key:?}: the whole body was awaited"))
            .expect("infallible");
            assert_eq!(
                answer.status(),
                StatusCode::PAYLOAD_TOO_LARGE,
                "key {key:?}"
            );
        }
        assert_eq!(t.event_count().await, events, "nothing was created");
    }
);
