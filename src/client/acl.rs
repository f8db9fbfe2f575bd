//! ACLs: GetBucketAcl / GetObjectAcl and PutBucketAcl / PutObjectAcl with a canned ACL
//! (spec/wire-formats.md §6), and the policy they read, with its canned name worked out.

use reqwest::Method;

use super::request::Request;
use super::xml::{self, AclDocument, AclEntry};
use super::{Client, Dialect, Error};

/// Who a grant is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Grantee {
    /// An account, by its canonical id.
    CanonicalUser {
        /// The canonical id.
        id: String,
        /// Its display name, if the server sent one.
        display_name: Option<String>,
    },
    /// A predefined group (all users, authenticated users, log delivery).
    Group {
        /// The group's URI.
        uri: String,
    },
    /// An account, by e-mail address.
    Email {
        /// The address.
        email: String,
    },
}

impl Grantee {
    /// The `xsi:type` of the grantee.
    pub fn type_name(&self) -> &'static str {
        match self {
            Grantee::CanonicalUser { .. } => "CanonicalUser",
            Grantee::Group { .. } => "Group",
            Grantee::Email { .. } => "AmazonCustomerByEmail",
        }
    }

    fn is_group(&self, name: &str) -> bool {
        matches!(self, Grantee::Group { uri } if uri.rsplit('/').next() == Some(name))
    }
}

/// One grant: a grantee and a permission (`FULL_CONTROL`, `READ`, `WRITE`, `READ_ACP`,
/// `WRITE_ACP`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    /// Who.
    pub grantee: Grantee,
    /// What.
    pub permission: String,
}

/// The ACL of a bucket or object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessControlPolicy {
    /// The owner's canonical id.
    pub owner_id: String,
    /// The owner's display name.
    pub owner_display_name: String,
    /// The grants. OSS sends none: they are derived from its canned ACL.
    pub grants: Vec<Grant>,
    /// The canned ACL the grants amount to, if they match one exactly.
    pub canned: Option<String>,
}

/// The URI of the group of all users, as the dialect spells it. OSS has no grantees; its
/// derived grants use S3's URI.
fn all_users_uri(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Ks3 => "http://acs.ksyun.com/groups/global/AllUsers",
        Dialect::S3 | Dialect::Oss => "http://acs.amazonaws.com/groups/global/AllUsers",
    }
}

/// The canned ACL that a list of grants amounts to: the owner's FULL_CONTROL plus exactly
/// the grants the canned ACL adds (§6); `None` when they are anything else.
fn canned_of(owner_id: &str, grants: &[Grant]) -> Option<String> {
    let mut others: Vec<(&str, &str)> = Vec::new();
    for grant in grants {
        let owner = matches!(&grant.grantee, Grantee::CanonicalUser { id, .. } if id == owner_id);
        if owner && grant.permission == "FULL_CONTROL" {
            continue;
        }
        let group = if grant.grantee.is_group("AllUsers") {
            "AllUsers"
        } else if grant.grantee.is_group("AuthenticatedUsers") {
            "AuthenticatedUsers"
        } else {
            return None;
        };
        others.push((group, grant.permission.as_str()));
    }
    others.sort_unstable();
    others.dedup();
    let canned = match others.as_slice() {
        [] => "private",
        [("AllUsers", "READ")] => "public-read",
        [("AllUsers", "READ"), ("AllUsers", "WRITE")] => "public-read-write",
        [("AuthenticatedUsers", "READ")] => "authenticated-read",
        _ => return None,
    };
    Some(canned.to_string())
}

/// The grants a canned ACL stands for (OSS answers with the canned name only).
fn grants_of(dialect: Dialect, owner: &Grantee, canned: &str) -> Vec<Grant> {
    let grant = |grantee: Grantee, permission: &str| Grant {
        grantee,
        permission: permission.to_string(),
    };
    let all_users = || Grantee::Group {
        uri: all_users_uri(dialect).to_string(),
    };
    let mut grants = vec![grant(owner.clone(), "FULL_CONTROL")];
    match canned {
        "public-read" => grants.push(grant(all_users(), "READ")),
        "public-read-write" => {
            grants.push(grant(all_users(), "READ"));
            grants.push(grant(all_users(), "WRITE"));
        }
        _ => {}
    }
    grants
}

impl AccessControlPolicy {
    fn from_document(dialect: Dialect, doc: AclDocument) -> AccessControlPolicy {
        let owner = Grantee::CanonicalUser {
            id: doc.owner_id.clone(),
            display_name: Some(doc.owner_display_name.clone()).filter(|n| !n.is_empty()),
        };
        let mut grants = Vec::new();
        let mut canned = None;
        for entry in doc.entries {
            match entry {
                AclEntry::Canned(name) => canned = Some(name),
                AclEntry::Grant {
                    kind,
                    id,
                    display_name,
                    uri,
                    email,
                    permission,
                } => {
                    let grantee = match (kind.as_deref(), id, uri, email) {
                        (Some("Group"), _, Some(uri), _) | (None, None, Some(uri), _) => {
                            Grantee::Group { uri }
                        }
                        (Some("AmazonCustomerByEmail"), _, _, Some(email))
                        | (None, None, None, Some(email)) => Grantee::Email { email },
                        (_, id, _, _) => Grantee::CanonicalUser {
                            id: id.unwrap_or_default(),
                            display_name,
                        },
                    };
                    grants.push(Grant {
                        grantee,
                        permission,
                    });
                }
            }
        }
        match canned {
            Some(name) => AccessControlPolicy {
                grants: grants_of(dialect, &owner, &name),
                canned: Some(name),
                owner_id: doc.owner_id,
                owner_display_name: doc.owner_display_name,
            },
            None => AccessControlPolicy {
                canned: canned_of(&doc.owner_id, &grants),
                grants,
                owner_id: doc.owner_id,
                owner_display_name: doc.owner_display_name,
            },
        }
    }
}

impl Client {
    /// GetBucketAcl (`key` empty) or GetObjectAcl.
    pub fn get_acl(&self, bucket: &str, key: &str) -> Result<AccessControlPolicy, Error> {
        let operation = if key.is_empty() {
            "GetBucketAcl"
        } else {
            "GetObjectAcl"
        };
        let mut req = Request::new(operation, Method::GET, Some(bucket), key).query("acl", "");
        if !key.is_empty() {
            req = self.versioned(req);
        }
        let body = self.send_text(&req)?.body;
        let doc =
            xml::parse_access_control_policy(&body).map_err(|e| Self::invalid(operation, e))?;
        Ok(AccessControlPolicy::from_document(self.dialect(), doc))
    }

    /// PutBucketAcl (`key` empty) or PutObjectAcl with a canned ACL, sent in the dialect's
    /// header (OSS names the object one differently) with no body.
    pub fn put_acl(&self, bucket: &str, key: &str, canned: &str) -> Result<(), Error> {
        let dialect = self.dialect();
        let (operation, header) = if key.is_empty() {
            ("PutBucketAcl", dialect.bucket_acl_header())
        } else {
            ("PutObjectAcl", dialect.object_acl_header())
        };
        let mut req = Request::new(operation, Method::PUT, Some(bucket), key)
            .query("acl", "")
            .header(header, canned);
        if !key.is_empty() {
            req = self.versioned(req);
        }
        // Setting the same ACL twice leaves the same ACL.
        req.idempotent = true;
        self.send(&req).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S3_PUBLIC_READ: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>tester</ID><DisplayName>Tester</DisplayName></Owner>
  <AccessControlList>
    <Grant>
      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
        <URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee>
      <Permission>READ</Permission>
    </Grant>
    <Grant>
      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">
        <ID>tester</ID><DisplayName>Tester</DisplayName></Grantee>
      <Permission>FULL_CONTROL</Permission>
    </Grant>
  </AccessControlList>
</AccessControlPolicy>"#;

    fn policy(dialect: Dialect, body: &str) -> AccessControlPolicy {
        AccessControlPolicy::from_document(dialect, xml::parse_access_control_policy(body).unwrap())
    }

    fn user(id: &str) -> Grantee {
        Grantee::CanonicalUser {
            id: id.to_string(),
            display_name: None,
        }
    }

    fn group(name: &str) -> Grantee {
        Grantee::Group {
            uri: format!("http://acs.amazonaws.com/groups/global/{name}"),
        }
    }

    fn grant(grantee: Grantee, permission: &str) -> Grant {
        Grant {
            grantee,
            permission: permission.to_string(),
        }
    }

    #[test]
    fn s3_grants_parse_with_their_types_and_canned_name() {
        let p = policy(Dialect::S3, S3_PUBLIC_READ);
        assert_eq!(p.owner_id, "tester");
        assert_eq!(p.owner_display_name, "Tester");
        assert_eq!(p.canned.as_deref(), Some("public-read"));
        assert_eq!(p.grants.len(), 2);
        assert_eq!(p.grants[0].grantee, group("AllUsers"));
        assert_eq!(p.grants[0].permission, "READ");
        assert_eq!(
            p.grants[1].grantee,
            Grantee::CanonicalUser {
                id: "tester".into(),
                display_name: Some("Tester".into())
            }
        );
    }

    #[test]
    fn ks3_prefixed_elements_and_email_grantees_parse() {
        let body = r#"<ns2:AccessControlPolicy xmlns:ns2="http://s3.amazonaws.com/doc/2006-03-01/">
<ns2:Owner><ns2:ID>o</ns2:ID><ns2:DisplayName>o</ns2:DisplayName></ns2:Owner>
<ns2:AccessControlList>
<ns2:Grant><ns2:Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="AmazonCustomerByEmail"><ns2:EmailAddress>a@b.c</ns2:EmailAddress></ns2:Grantee><ns2:Permission>READ</ns2:Permission></ns2:Grant>
<ns2:Grant><ns2:Grantee><ns2:URI>http://acs.ksyun.com/groups/global/AllUsers</ns2:URI></ns2:Grantee><ns2:Permission>READ</ns2:Permission></ns2:Grant>
</ns2:AccessControlList></ns2:AccessControlPolicy>"#;
        let p = policy(Dialect::Ks3, body);
        assert_eq!(
            p.grants[0].grantee,
            Grantee::Email {
                email: "a@b.c".into()
            }
        );
        assert!(p.grants[1].grantee.is_group("AllUsers"));
        // A grant to an e-mail address is no canned ACL.
        assert_eq!(p.canned, None);
    }

    #[test]
    fn oss_canned_acls_give_derived_grants() {
        let body = "<AccessControlPolicy><Owner><ID>0022</ID><DisplayName>0022</DisplayName></Owner>\
                    <AccessControlList><Grant>public-read-write</Grant></AccessControlList></AccessControlPolicy>";
        let p = policy(Dialect::Oss, body);
        assert_eq!(p.canned.as_deref(), Some("public-read-write"));
        let perms: Vec<_> = p.grants.iter().map(|g| g.permission.as_str()).collect();
        assert_eq!(perms, ["FULL_CONTROL", "READ", "WRITE"]);
        assert_eq!(p.grants[0].grantee.type_name(), "CanonicalUser");
        assert!(p.grants[1].grantee.is_group("AllUsers"));
        let private = body.replace("public-read-write", "private");
        assert_eq!(policy(Dialect::Oss, &private).grants.len(), 1);
    }

    #[test]
    fn canned_names_match_exact_grant_sets_only() {
        let owner = || grant(user("me"), "FULL_CONTROL");
        let cases: Vec<(Vec<Grant>, Option<&str>)> = vec![
            (vec![owner()], Some("private")),
            (vec![], Some("private")),
            (
                vec![owner(), grant(group("AllUsers"), "READ")],
                Some("public-read"),
            ),
            (
                vec![
                    grant(group("AllUsers"), "WRITE"),
                    owner(),
                    grant(group("AllUsers"), "READ"),
                ],
                Some("public-read-write"),
            ),
            (
                vec![owner(), grant(group("AuthenticatedUsers"), "READ")],
                Some("authenticated-read"),
            ),
            (vec![owner(), grant(group("AllUsers"), "WRITE")], None),
            (vec![owner(), grant(user("other"), "READ")], None),
            (vec![owner(), grant(group("LogDelivery"), "WRITE")], None),
            (vec![grant(user("me"), "READ")], None),
        ];
        for (grants, expected) in cases {
            assert_eq!(canned_of("me", &grants).as_deref(), expected, "{grants:?}");
        }
    }
}
