//! Every endpoint behind one value, addressed by its inventory id.
//!
//! `{"endpoint": "polaris.get_user", "input": {"user_id": ".."}}` is how the
//! golden vectors, the bindings and the CLI name an operation; results come
//! back as [`Output`], the endpoint's own typed output, which serializes to
//! the vendor's JSON without a detour through `serde_json::Value`. Rust
//! callers can use the typed endpoint structs directly.

use crate::providers::{alteryx, b2core, polaris, spotnana, ssw};
use crate::{Endpoint, Error, Provider, Request, Response, Target};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// [`input_from_json`] from JSON text, as hosts that pass strings send it;
/// blank text reads as `{}`, text that is not JSON names `name`.
pub fn input_from_text<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, Error> {
    input_from_json(json_text(name, text)?)
}

fn json_text(name: &str, text: &str) -> Result<Value, Error> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|e| Error::invalid(name, format!("is not valid JSON: {e}")))
}

/// Reads typed input from JSON, naming the offending field on failure.
pub fn input_from_json<T: serde::de::DeserializeOwned>(input: Value) -> Result<T, Error> {
    let input = if input.is_null() {
        Value::Object(Default::default())
    } else {
        input
    };
    serde_path_to_error::deserialize(input).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde names missing and unknown fields only inside its message,
        // and its path stops at the object that holds them.
        let named = (inner.starts_with("missing field `") || inner.starts_with("unknown field `"))
            .then(|| inner.split('`').nth(1))
            .flatten();
        let root = path == "." || path.is_empty();
        let field = match (root, named) {
            (true, Some(name)) => name.to_owned(),
            // Inside an internally tagged enum serde loses the path; the
            // backticks then quote a value (an unknown variant), not a key.
            (true, None) if inner.starts_with("unknown variant") => "input".to_owned(),
            (true, None) => inner
                .split('`')
                .nth(1)
                .map_or_else(|| "input".to_owned(), str::to_owned),
            // An unknown key is already on the path; a missing one is not.
            (false, Some(name)) if !path.ends_with(name) => format!("{path}.{name}"),
            (false, _) => path,
        };
        Error::invalid(field, inner)
    })
}

macro_rules! operations {
    ($($variant:ident => $ty:ty),* $(,)?) => {
        /// One call to one documented endpoint, with its input.
        #[derive(Clone, Debug, PartialEq)]
        #[allow(missing_docs)]
        pub enum Operation {
            $($variant($ty),)*
        }

        /// What one endpoint answered: its typed output. Serializes as the
        /// output itself (the vendor's field names), untagged.
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[serde(untagged)]
        #[allow(missing_docs)]
        pub enum Output {
            $($variant(<$ty as Endpoint>::Output),)*
        }

        impl Operation {
            /// Every endpoint id in the inventory, in documentation order.
            pub const IDS: &'static [&'static str] = &[$(<$ty as Endpoint>::ID,)*];

            /// Builds an operation from an endpoint id and its JSON input.
            pub fn from_json(endpoint: &str, input: Value) -> Result<Operation, Error> {
                $(if endpoint == <$ty as Endpoint>::ID {
                    return input_from_json::<$ty>(input).map(Operation::$variant);
                })*
                Err(Error::invalid("endpoint", format!("unknown endpoint id {endpoint:?}")))
            }

            /// [`Operation::from_json`] from JSON text (blank reads as `{}`).
            pub fn from_text(endpoint: &str, text: &str) -> Result<Operation, Error> {
                Operation::from_json(endpoint, json_text("input", text)?)
            }

            /// The endpoint id.
            pub fn id(&self) -> &'static str {
                match self {$(Operation::$variant(_) => <$ty as Endpoint>::ID,)*}
            }

            /// The vendor.
            pub fn provider(&self) -> Provider {
                match self {$(Operation::$variant(_) => <$ty as Endpoint>::PROVIDER,)*}
            }

            /// The request for `target`.
            pub fn request(&self, target: &Target) -> Result<Request, Error> {
                match self {$(Operation::$variant(op) => op.request(target),)*}
            }

            /// The typed result, or the typed error.
            pub fn parse(&self, response: &Response) -> Result<Output, Error> {
                match self {$(Operation::$variant(op) => op.parse(response).map(Output::$variant),)*}
            }

            /// Where the output already is in a successful response's JSON
            /// ([`Endpoint::verbatim`]); `None`: call [`Operation::parse`].
            pub fn verbatim(&self, response: &Response) -> Option<crate::Verbatim> {
                match self {$(Operation::$variant(op) => op.verbatim(response),)*}
            }

            /// Whether a retry after an unknown outcome is safe.
            pub fn retry_safe(&self) -> bool {
                match self {$(Operation::$variant(op) => op.retry_safe(),)*}
            }

            /// The input as JSON.
            pub fn input(&self) -> Value {
                match self {$(Operation::$variant(op) => serde_json::to_value(op).unwrap_or(Value::Null),)*}
            }
        }

        $(impl From<$ty> for Operation {
            fn from(op: $ty) -> Operation {
                Operation::$variant(op)
            }
        })*
    };
}

impl Operation {
    /// Refuses an endpoint of another provider than the client's: sending it
    /// would carry this client's credential to the wrong API.
    pub fn check_provider(&self, provider: Provider) -> Result<(), Error> {
        if self.provider() == provider {
            return Ok(());
        }
        Err(Error::invalid(
            "endpoint",
            format!(
                "{} is a {} endpoint; this client is for {provider}",
                self.id(),
                self.provider()
            ),
        ))
    }
}

impl Operation {
    /// The body's own JSON text (or its field's) when
    /// [`Operation::verbatim`] finds it already is the output.
    fn verbatim_json<'a>(&self, response: &'a Response) -> Option<&'a str> {
        match self.verbatim(response)? {
            crate::Verbatim::Body => std::str::from_utf8(&response.body).ok(),
            crate::Verbatim::Field(field) => crate::verbatim::field_text(&response.body, field),
        }
    }

    /// The parsed output as JSON text, for bindings that hand JSON to their
    /// host: the body's own text when it already is the output, the typed
    /// output written otherwise. Either way the text decodes to the same value.
    pub fn parse_to_json(&self, response: &Response) -> Result<String, Error> {
        self.parse_for_host(response)?.into_json()
    }

    /// The parsed output as a host best receives it ([`HostOutput`]).
    pub fn parse_for_host(&self, response: &Response) -> Result<HostOutput, Error> {
        match self.verbatim_json(response) {
            Some(text) => Ok(HostOutput::Json(text.to_owned())),
            None => self.parse(response).map(|o| HostOutput::Value(Box::new(o))),
        }
    }
}

/// An endpoint's result for a host that parses JSON faster than it receives
/// built objects (JavaScript): `{"json": text}` when the body already was the
/// output (see [`Operation::verbatim`]), `{"value": output}` otherwise. Both
/// decode to the same value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HostOutput {
    /// The output as JSON text, taken from the body as it stands.
    Json(String),
    /// The typed output.
    Value(Box<Output>),
}

impl HostOutput {
    /// The result as JSON text either way.
    pub fn into_json(self) -> Result<String, Error> {
        match self {
            HostOutput::Json(text) => Ok(text),
            HostOutput::Value(output) => Ok(serde_json::to_string(&output)?),
        }
    }
}

/// [`Operation`] as a call whose result is a [`HostOutput`]
/// (`rosterkit::Client::execute_for_host`).
pub struct ForHost(pub Operation);

impl crate::flow::Callable for ForHost {
    type Output = HostOutput;
    fn endpoint_id(&self) -> &'static str {
        self.0.id()
    }
    fn build(&self, target: &Target) -> Result<Request, Error> {
        self.0.request(target)
    }
    fn parse_response(&self, response: &Response) -> Result<HostOutput, Error> {
        self.0.parse_for_host(response)
    }
    fn is_retry_safe(&self) -> bool {
        self.0.retry_safe()
    }
}

impl crate::flow::Callable for Operation {
    type Output = Output;
    fn endpoint_id(&self) -> &'static str {
        self.id()
    }
    fn build(&self, target: &Target) -> Result<Request, Error> {
        self.request(target)
    }
    fn parse_response(&self, response: &Response) -> Result<Output, Error> {
        self.parse(response)
    }
    fn is_retry_safe(&self) -> bool {
        self.retry_safe()
    }
}

impl Output {
    /// The output as JSON, in the vendor's field names.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

operations! {
    SswListMembers => ssw::ListMembers,
    SswListGroups => ssw::ListGroups,
    SswListGroupMembers => ssw::ListGroupMembers,
    SswAddGroupMember => ssw::AddGroupMember,
    SswApproveGroupMember => ssw::ApproveGroupMember,
    SswRejectGroupMember => ssw::RejectGroupMember,
    SswRemoveGroupMember => ssw::RemoveGroupMember,
    SswUpdateGroup => ssw::UpdateGroup,
    SswDeleteGroup => ssw::DeleteGroup,
    SpotnanaListUserGroups => spotnana::ListUserGroups,
    SpotnanaGetUserGroup => spotnana::GetUserGroup,
    SpotnanaListUserGroupMembers => spotnana::ListUserGroupMembers,
    SpotnanaListUserGroupRoles => spotnana::ListUserGroupRoles,
    SpotnanaUpdateUserGroupMembers => spotnana::UpdateUserGroupMembers,
    SpotnanaListUserGroupsForUser => spotnana::ListUserGroupsForUser,
    SpotnanaCreateUserGroup => spotnana::CreateUserGroup,
    SpotnanaUpdateUserGroup => spotnana::UpdateUserGroup,
    B2coreListGroups => b2core::ListGroups,
    B2coreGetGroup => b2core::GetGroup,
    B2coreCreateGroup => b2core::CreateGroup,
    B2coreReplaceGroup => b2core::ReplaceGroup,
    B2coreUpdateGroup => b2core::UpdateGroup,
    B2coreDeleteGroup => b2core::DeleteGroup,
    PolarisListPermissions => polaris::ListPermissions,
    PolarisListGroups => polaris::ListGroups,
    PolarisCreateGroup => polaris::CreateGroup,
    PolarisCreateUser => polaris::CreateUser,
    PolarisUpdateUser => polaris::UpdateUser,
    PolarisListEffectivePermissions => polaris::ListEffectivePermissions,
    PolarisAddGroupMembers => polaris::AddGroupMembers,
    PolarisListGroupMembers => polaris::ListGroupMembers,
    PolarisListUsers => polaris::ListUsers,
    PolarisGetUser => polaris::GetUser,
    PolarisDeleteUser => polaris::DeleteUser,
    PolarisGetGroup => polaris::GetGroup,
    PolarisUpdateGroup => polaris::UpdateGroup,
    PolarisDeleteGroup => polaris::DeleteGroup,
    PolarisListProjects => polaris::ListProjects,
    AlteryxCreateUserGroup => alteryx::CreateUserGroup,
    AlteryxAddUsersToUserGroup => alteryx::AddUsersToUserGroup,
    AlteryxListUserGroups => alteryx::ListUserGroups,
    AlteryxGetUserGroup => alteryx::GetUserGroup,
    AlteryxUpdateUserGroup => alteryx::UpdateUserGroup,
    AlteryxRemoveUserFromUserGroup => alteryx::RemoveUserFromUserGroup,
    AlteryxDeleteUserGroup => alteryx::DeleteUserGroup,
}

impl Serialize for Operation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            endpoint: &'a str,
            input: Value,
        }
        Wire {
            endpoint: self.id(),
            input: self.input(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Operation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            endpoint: String,
            #[serde(default)]
            input: Value,
        }
        let w = Wire::deserialize(d)?;
        Operation::from_json(&w.endpoint, w.input).map_err(serde::de::Error::custom)
    }
}
