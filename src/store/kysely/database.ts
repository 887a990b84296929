/** Row types of the tables the migrations create; times are ISO-8601 UTC text, flags are 0/1. */
export interface Database {
  accounts: { id: string; name: string; alias: string | null; created_at: string }
  users: {
    id: string
    account_id: string
    name: string
    name_key: string
    path: string
    permissions_boundary_arn: string | null
    tags: string
    created_at: string
    password_last_used_at: string | null
  }
  groups: { id: string; account_id: string; name: string; name_key: string; path: string; created_at: string }
  group_members: { group_id: string; user_id: string; added_at: string }
  roles: {
    id: string
    account_id: string
    name: string
    name_key: string
    path: string
    trust_policy: string
    description: string | null
    max_session_duration: number
    permissions_boundary_arn: string | null
    tags: string
    created_at: string
    last_used_at: string | null
    last_used_region: string | null
  }
  managed_policies: {
    id: string
    account_id: string
    arn: string
    name: string
    name_key: string
    path: string
    description: string | null
    default_version_id: string
    next_version_number: number
    tags: string
    created_at: string
    updated_at: string
  }
  policy_versions: { policy_id: string; version_id: string; document: string; created_at: string }
  inline_policies: {
    principal_id: string
    principal_kind: string
    name: string
    document: string
    created_at: string
    updated_at: string
  }
  policy_attachments: { principal_id: string; principal_kind: string; policy_id: string; attached_at: string }
  access_keys: {
    id: string
    account_id: string
    user_id: string | null
    secret_sealed: string
    status: string
    created_at: string
    last_used_at: string | null
    last_used_service: string | null
    last_used_region: string | null
  }
  instance_profiles: {
    id: string
    account_id: string
    name: string
    name_key: string
    path: string
    tags: string
    created_at: string
  }
  instance_profile_roles: { instance_profile_id: string; role_id: string; added_at: string }
  oidc_providers: {
    arn: string
    account_id: string
    url: string
    client_ids: string
    thumbprints: string
    tags: string
    created_at: string
  }
  audit_events: {
    event_id: string
    event_time: string
    account_id: string
    principal_arn: string | null
    username: string | null
    event_source: string
    event_name: string
    error_code: string | null
    access_key_id: string | null
    read_only: number
    request_id: string
    body: string
  }
  settings: { scope: string; key: string; value: string; updated_at: string }
  login_profiles: {
    user_id: string
    password_hash: string
    password_reset_required: number
    created_at: string
  }
  mfa_devices: {
    serial_number: string
    account_id: string
    name: string
    name_key: string
    path: string
    seed_sealed: string
    user_id: string | null
    enabled_at: string | null
    last_counter: number | null
    tags: string
    created_at: string
  }
  cloud_resources: {
    arn: string
    account_id: string
    region: string
    service: string
    type: string
    id: string
    parent_id: string | null
    attributes: string
    tags: string
    created_at: string
    updated_at: string
    revision: number
  }
  cloud_resource_tags: { arn: string; account_id: string; key: string; value: string }
  secret_versions: { arn: string; version_id: string; value_sealed: string; created_at: string }
  s3_objects: {
    bucket: string
    key: string
    account_id: string
    blob_id: string
    size: number | string
    etag: string
    last_modified: string
    parts_count: number | null
    headers: string
    tags: string
  }
  s3_uploads: {
    upload_id: string
    bucket: string
    key: string
    account_id: string
    initiator: string
    initiated: string
    headers: string
    tags: string
  }
  s3_parts: {
    upload_id: string
    part_number: number
    blob_id: string
    size: number | string
    etag: string
    last_modified: string
  }
  s3_blobs: { id: string; data: Uint8Array }
}
