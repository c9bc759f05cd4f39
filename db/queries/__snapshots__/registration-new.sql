with known as (
    select x.type, x.value, k.customer_id, cu.version, sa.source, sa.account_id
    from jsonb_to_recordset($1::text::jsonb) as x(type text, value text)
    cross join lateral (
      select customer_id from identity_keys
      where org_id = $2 and type = x.type and value = x.value offset 0) k
    cross join lateral (
      select version from customers where org_id = $3 and id = k.customer_id offset 0) cu
    left join lateral (
      select source, account_id from source_accounts
      where org_id = $4 and customer_id = k.customer_id offset 0) sa on true),
c as (insert into customers (org_id, status_label_id, loyalty_type, extended_fields, referral_code, registered_till_id, created_by_type, created_by_code)
    select $5, $6, $7, $8::text::jsonb,
           $9, $10, $11, $12
    where not exists (select from known)
    returning id),
sa as (insert into source_accounts (org_id, customer_id, created_by_type, created_by_code, source, account_id, first_name, last_name, fields)
    select $13, c.id, $14, $15, x."source", x."accountId", x."firstName", x."lastName", x."fields"
    from c, jsonb_to_recordset($16::text::jsonb) as x("source" text, "accountId" text, "firstName" text, "lastName" text, "fields" jsonb) returning id, source, account_id),
i as (insert into identifiers (org_id, source_account_id, customer_id, type, value, position, series_id, status_label, extended_fields)
    select $17, sa.id, c.id, x."type", x."value", x."position", x."seriesId", x."statusLabel", x."extendedFields"
    from c, sa join jsonb_to_recordset($18::text::jsonb) as x("type" text, "value" text, "position" integer, "seriesId" integer, "statusLabel" text, "extendedFields" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
k as (insert into identity_keys (org_id, customer_id, type, value)
    select $19, c.id, x."type", x."value"
    from c, jsonb_to_recordset($20::text::jsonb) as x("type" text, "value" text)),
ch as (insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
    select $21, sa.id, x."position", x."type", x."value", x."primary", x."verified", x."subscribed", x."meta"
    from sa join jsonb_to_recordset($22::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
au as (insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details)
      select $23, 'customer.register', 'success', c.id, $24, $25, $26,
             $27::text::jsonb, $28::text::jsonb from c),
h as (insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes)
    select $29, c.id, $30, $31, $32, $33::text::jsonb, x."action", x."reason", x."changes"
    from c, jsonb_to_recordset($34::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position" returning id, customer_id, action, reason, changes, request_id),
sw as (insert into customer_search_words (org_id, customer_id, word)
    select $35, c.id, w from c, jsonb_array_elements_text($36::text::jsonb) w
    on conflict do nothing),
e as (select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1),
ev as (insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
      select $37, w.id, e.customer_id, e.event_id, e.event_name, e.request_id, e.data
      from e join webhooks w on w.org_id = $38 and w.active and e.event_name = any(w.event_names)
      order by e.first_id, w.id),
en as (insert into loyalty_enrollments (org_id, customer_id, program_id, tier_number, points, tier_expiry_date, points_expiry_date)
    select $39, c.id, x."programId", x."tierNumber", x."points", x."tierExpiryDate", x."pointsExpiryDate"
    from c, jsonb_to_recordset($40::text::jsonb) as x("programId" integer, "tierNumber" integer, "points" numeric(18, 3), "tierExpiryDate" timestamp with time zone, "pointsExpiryDate" timestamp with time zone)),
se as (insert into side_effects (org_id, customer_id, beneficiary_customer_id, position, type, program_id, is_referrer, raw_value, currency_identifier, currency_name, coupon_code, coupon_type, valid_till, description, discount_code)
    select $41, c.id, coalesce(x."beneficiaryCustomerId", c.id), x."position", x."type", x."programId", x."isReferrer", x."rawValue", x."currencyIdentifier", x."currencyName", x."couponCode", x."couponType", x."validTill", x."description", x."discountCode"
    from c, jsonb_to_recordset($42::text::jsonb) as x("position" integer, "type" text, "programId" integer, "isReferrer" boolean, "rawValue" numeric(18, 3), "currencyIdentifier" text, "currencyName" text, "couponCode" text, "couponType" text, "validTill" timestamp with time zone, "description" text, "discountCode" text, "beneficiaryCustomerId" bigint) returning id, position)
    select (select id from c) as customer_id,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'position', position)), '[]'::jsonb) from se) as effects,
      (select jsonb_agg(known) from known) as known

-- parameters
-- $1: keys
-- $2: orgId
-- $3: orgId
-- $4: orgId
-- $5: orgId
-- $6: statusLabelId
-- $7: loyaltyType
-- $8: extendedFields
-- $9: referralCode
-- $10: registeredTillId
-- $11: actorType
-- $12: actorCode
-- $13: orgId
-- $14: actorType
-- $15: actorCode
-- $16: profiles
-- $17: orgId
-- $18: identifiers
-- $19: orgId
-- $20: keys
-- $21: orgId
-- $22: channels
-- $23: orgId
-- $24: requestId
-- $25: actorType
-- $26: actorCode
-- $27: userContext
-- $28: details
-- $29: orgId
-- $30: actorType
-- $31: actorCode
-- $32: requestId
-- $33: userContext
-- $34: history
-- $35: orgId
-- $36: searchWords
-- $37: orgId
-- $38: orgId
-- $39: orgId
-- $40: enrollments
-- $41: orgId
-- $42: sideEffects
