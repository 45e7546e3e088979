//! A form's state after a refusal: every problem at once, each next to its
//! field, and the summary above the form that lists them as links to their
//! fields (templates/partials/form.html renders both).

use super::session::Ctx;
use saps_core::Error;

/// What is wrong with a submitted form.
#[derive(Default)]
pub struct Problems {
    /// A refusal about the form as a whole, with no field to stand next to.
    pub top: Option<String>,
    /// Messages by field id, in the form's order; one per field.
    pub fields: Vec<(&'static str, String)>,
}

impl Problems {
    /// The message next to a field.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == name)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.top.is_none() && self.fields.is_empty()
    }

    /// Adds a message next to a field; a field keeps its first message.
    pub fn at(mut self, field: &'static str, message: String) -> Self {
        self.add(field, message);
        self
    }

    pub fn add(&mut self, field: &'static str, message: String) {
        if self.field(field).is_none() {
            self.fields.push((field, message));
        }
    }

    /// A message about the whole form.
    pub fn top(message: String) -> Self {
        Self {
            top: Some(message),
            fields: Vec::new(),
        }
    }

    /// A domain refusal, next to the field it is about (`place` maps the use
    /// case's field names and rule names to this form's field ids), else at
    /// the top.
    pub fn from_error(ctx: &Ctx, e: &Error, place: impl Fn(&str) -> Option<&'static str>) -> Self {
        let message = ctx.lang.error(e);
        let key = match e {
            Error::Rule(r) => Some(r.name().to_owned()),
            Error::Invalid { field, .. } => Some(field.clone()),
            _ => None,
        };
        match key.as_deref().and_then(place) {
            Some(f) => Problems::default().at(f, message),
            None => Problems::top(message),
        }
    }
}
