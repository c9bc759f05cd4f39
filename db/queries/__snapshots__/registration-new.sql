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
    select $5 as "org_id", $6 as "status_label_id", $7 as "loyalty_type", $8::text::jsonb as "extended_fields", $9 as "referral_code", $10 as "registered_till_id", $11 as "created_by_type", $12 as "created_by_code"
    where not exists (select from known) returning id),
sa as (insert into source_accounts (org_id, customer_id, created_by_type, created_by_code, source, account_id, first_name, last_name, fields)
    select $13 as "org_id", c.id as "customer_id", $14 as "created_by_type", $15 as "created_by_code", x."source" as "source", x."accountId" as "account_id", x."firstName" as "first_name", x."lastName" as "last_name", x."fields" as "fields"
    from c, jsonb_to_recordset($16::text::jsonb) as x("source" text, "accountId" text, "firstName" text, "lastName" text, "fields" jsonb) returning id, source, account_id),
i as (insert into identifiers (org_id, source_account_id, customer_id, type, value, position, series_id, status_label, extended_fields)
    select $17 as "org_id", sa.id as "source_account_id", c.id as "customer_id", x."type" as "type", x."value" as "value", x."position" as "position", x."seriesId" as "series_id", x."statusLabel" as "status_label", x."extendedFields" as "extended_fields"
    from c, sa join jsonb_to_recordset($18::text::jsonb) as x("type" text, "value" text, "position" integer, "seriesId" integer, "statusLabel" text, "extendedFields" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
k as (insert into identity_keys (org_id, customer_id, type, value)
    select $19 as "org_id", c.id as "customer_id", x."type" as "type", x."value" as "value"
    from c, jsonb_to_recordset($20::text::jsonb) as x("type" text, "value" text)),
ch as (insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
    select $21 as "org_id", sa.id as "source_account_id", x."position" as "position", x."type" as "type", x."value" as "value", x."primary" as "is_primary", x."verified" as "verified", x."subscribed" as "subscribed", x."meta" as "meta"
    from sa join jsonb_to_recordset($22::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
au as (insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details)
    select $23 as "org_id", 'customer.register' as "action", 'success' as "outcome", c.id as "customer_id", $24 as "request_id", $25 as "actor_type", $26 as "actor_code", $27::text::jsonb as "user_context", $28::text::jsonb as "details"
    from c),
h as (insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes)
    select $29 as "org_id", c.id as "customer_id", $30 as "actor_type", $31 as "actor_code", $32 as "request_id", $33::text::jsonb as "user_context", x."action" as "action", x."reason" as "reason", x."changes" as "changes"
    from c, jsonb_to_recordset($34::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position" returning id, customer_id, action, reason, changes, request_id),
sw as (insert into customer_search_words (org_id, customer_id, word)
    select $35 as "org_id", c.id as "customer_id", w as "word"
    from c, jsonb_array_elements_text($36::text::jsonb) w on conflict do nothing),
e as (select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1),
wh as (select id, event_names from webhooks where org_id = $37 and active),
ev as (insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
    select $38 as "org_id", wh.id as "webhook_id", e.customer_id as "customer_id", e.event_id as "event_id", e.event_name as "event_name", e.request_id as "request_id", e.data as "data"
    from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id),
en as (insert into loyalty_enrollments (org_id, customer_id, program_id, tier_number, points, tier_expiry_date, points_expiry_date)
    select $39 as "org_id", c.id as "customer_id", x."programId" as "program_id", x."tierNumber" as "tier_number", x."points" as "points", x."tierExpiryDate" as "tier_expiry_date", x."pointsExpiryDate" as "points_expiry_date"
    from c, jsonb_to_recordset($40::text::jsonb) as x("programId" integer, "tierNumber" integer, "points" numeric(18, 3), "tierExpiryDate" timestamp with time zone, "pointsExpiryDate" timestamp with time zone)),
se as (insert into side_effects (org_id, customer_id, beneficiary_customer_id, position, type, program_id, is_referrer, raw_value, currency_identifier, currency_name, coupon_code, coupon_type, valid_till, description, discount_code)
    select $41 as "org_id", c.id as "customer_id", coalesce(x."beneficiaryCustomerId", c.id) as "beneficiary_customer_id", x."position" as "position", x."type" as "type", x."programId" as "program_id", x."isReferrer" as "is_referrer", x."rawValue" as "raw_value", x."currencyIdentifier" as "currency_identifier", x."currencyName" as "currency_name", x."couponCode" as "coupon_code", x."couponType" as "coupon_type", x."validTill" as "valid_till", x."description" as "description", x."discountCode" as "discount_code"
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

-- as a PL/pgSQL body of plain statements (on Citus)
declare mc_known_out record; mc_c_out record; mc_c_row record; mc_sa_out record; mc_sa_row record; mc_i_row record; mc_k_row record; mc_ch_row record; mc_au_row record; mc_h_out record; mc_h_row record; mc_sw_row record; mc_e_out record; mc_wh_out record; mc_ev_row record; mc_en_row record; mc_se_out record; mc_se_row record; mc_known jsonb := '[]'; mc_c jsonb := '[]'; mc_sa jsonb := '[]'; mc_h jsonb := '[]'; mc_e jsonb := '[]'; mc_wh jsonb := '[]'; mc_se jsonb := '[]';
begin
for mc_known_out in 
    select x.type, x.value, k.customer_id, cu.version, sa.source, sa.account_id
    from jsonb_to_recordset($1::text::jsonb) as x(type text, value text)
    cross join lateral (
      select customer_id from identity_keys
      where org_id = $2 and type = x.type and value = x.value offset 0) k
    cross join lateral (
      select version from customers where org_id = $3 and id = k.customer_id offset 0) cu
    left join lateral (
      select source, account_id from source_accounts
      where org_id = $4 and customer_id = k.customer_id offset 0) sa on true
loop mc_known := mc_known || to_jsonb(mc_known_out); end loop;
for mc_c_row in with known as (select * from jsonb_to_recordset(mc_known) as known(type text, value text, customer_id bigint, version integer, source text, account_id text))
select $5 as "org_id", $6 as "status_label_id", $7 as "loyalty_type", $8::text::jsonb as "extended_fields", $9 as "referral_code", $10 as "registered_till_id", $11 as "created_by_type", $12 as "created_by_code"
    where not exists (select from known)
loop insert into customers (org_id, status_label_id, loyalty_type, extended_fields, referral_code, registered_till_id, created_by_type, created_by_code) values (mc_c_row."org_id", mc_c_row."status_label_id", mc_c_row."loyalty_type", mc_c_row."extended_fields", mc_c_row."referral_code", mc_c_row."registered_till_id", mc_c_row."created_by_type", mc_c_row."created_by_code") returning id into mc_c_out; mc_c := mc_c || to_jsonb(mc_c_out); end loop;
for mc_sa_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $13 as "org_id", c.id as "customer_id", $14 as "created_by_type", $15 as "created_by_code", x."source" as "source", x."accountId" as "account_id", x."firstName" as "first_name", x."lastName" as "last_name", x."fields" as "fields"
    from c, jsonb_to_recordset($16::text::jsonb) as x("source" text, "accountId" text, "firstName" text, "lastName" text, "fields" jsonb)
loop insert into source_accounts (org_id, customer_id, created_by_type, created_by_code, source, account_id, first_name, last_name, fields) values (mc_sa_row."org_id", mc_sa_row."customer_id", mc_sa_row."created_by_type", mc_sa_row."created_by_code", mc_sa_row."source", mc_sa_row."account_id", mc_sa_row."first_name", mc_sa_row."last_name", mc_sa_row."fields") returning id, source, account_id into mc_sa_out; mc_sa := mc_sa || to_jsonb(mc_sa_out); end loop;
for mc_i_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint)),
sa as (select * from jsonb_to_recordset(mc_sa) as sa(id bigint, source text, account_id text))
select $17 as "org_id", sa.id as "source_account_id", c.id as "customer_id", x."type" as "type", x."value" as "value", x."position" as "position", x."seriesId" as "series_id", x."statusLabel" as "status_label", x."extendedFields" as "extended_fields"
    from c, sa join jsonb_to_recordset($18::text::jsonb) as x("type" text, "value" text, "position" integer, "seriesId" integer, "statusLabel" text, "extendedFields" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id
loop insert into identifiers (org_id, source_account_id, customer_id, type, value, position, series_id, status_label, extended_fields) values (mc_i_row."org_id", mc_i_row."source_account_id", mc_i_row."customer_id", mc_i_row."type", mc_i_row."value", mc_i_row."position", mc_i_row."series_id", mc_i_row."status_label", mc_i_row."extended_fields");  end loop;
for mc_k_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $19 as "org_id", c.id as "customer_id", x."type" as "type", x."value" as "value"
    from c, jsonb_to_recordset($20::text::jsonb) as x("type" text, "value" text)
loop insert into identity_keys (org_id, customer_id, type, value) values (mc_k_row."org_id", mc_k_row."customer_id", mc_k_row."type", mc_k_row."value");  end loop;
for mc_ch_row in with sa as (select * from jsonb_to_recordset(mc_sa) as sa(id bigint, source text, account_id text))
select $21 as "org_id", sa.id as "source_account_id", x."position" as "position", x."type" as "type", x."value" as "value", x."primary" as "is_primary", x."verified" as "verified", x."subscribed" as "subscribed", x."meta" as "meta"
    from sa join jsonb_to_recordset($22::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id
loop insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta) values (mc_ch_row."org_id", mc_ch_row."source_account_id", mc_ch_row."position", mc_ch_row."type", mc_ch_row."value", mc_ch_row."is_primary", mc_ch_row."verified", mc_ch_row."subscribed", mc_ch_row."meta");  end loop;
for mc_au_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $23 as "org_id", 'customer.register' as "action", 'success' as "outcome", c.id as "customer_id", $24 as "request_id", $25 as "actor_type", $26 as "actor_code", $27::text::jsonb as "user_context", $28::text::jsonb as "details"
    from c
loop insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details) values (mc_au_row."org_id", mc_au_row."action", mc_au_row."outcome", mc_au_row."customer_id", mc_au_row."request_id", mc_au_row."actor_type", mc_au_row."actor_code", mc_au_row."user_context", mc_au_row."details");  end loop;
for mc_h_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $29 as "org_id", c.id as "customer_id", $30 as "actor_type", $31 as "actor_code", $32 as "request_id", $33::text::jsonb as "user_context", x."action" as "action", x."reason" as "reason", x."changes" as "changes"
    from c, jsonb_to_recordset($34::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position"
loop insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes) values (mc_h_row."org_id", mc_h_row."customer_id", mc_h_row."actor_type", mc_h_row."actor_code", mc_h_row."request_id", mc_h_row."user_context", mc_h_row."action", mc_h_row."reason", mc_h_row."changes") returning id, customer_id, action, reason, changes, request_id into mc_h_out; mc_h := mc_h || to_jsonb(mc_h_out); end loop;
for mc_sw_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $35 as "org_id", c.id as "customer_id", w as "word"
    from c, jsonb_array_elements_text($36::text::jsonb) w
loop insert into customer_search_words (org_id, customer_id, word) values (mc_sw_row."org_id", mc_sw_row."customer_id", mc_sw_row."word") on conflict do nothing;  end loop;
for mc_e_out in with h as (select * from jsonb_to_recordset(mc_h) as h(id bigint, customer_id bigint, action text, reason text, changes jsonb, request_id text))
select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1
loop mc_e := mc_e || to_jsonb(mc_e_out); end loop;
for mc_wh_out in select id, event_names from webhooks where org_id = $37 and active
loop mc_wh := mc_wh || to_jsonb(mc_wh_out); end loop;
for mc_ev_row in with e as (select * from jsonb_to_recordset(mc_e) as e(event_name text, event_id uuid, first_id bigint, customer_id bigint, request_id text, data jsonb)),
wh as (select * from jsonb_to_recordset(mc_wh) as wh(id integer, event_names text[]))
select $38 as "org_id", wh.id as "webhook_id", e.customer_id as "customer_id", e.event_id as "event_id", e.event_name as "event_name", e.request_id as "request_id", e.data as "data"
    from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id
loop insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data) values (mc_ev_row."org_id", mc_ev_row."webhook_id", mc_ev_row."customer_id", mc_ev_row."event_id", mc_ev_row."event_name", mc_ev_row."request_id", mc_ev_row."data");  end loop;
for mc_en_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $39 as "org_id", c.id as "customer_id", x."programId" as "program_id", x."tierNumber" as "tier_number", x."points" as "points", x."tierExpiryDate" as "tier_expiry_date", x."pointsExpiryDate" as "points_expiry_date"
    from c, jsonb_to_recordset($40::text::jsonb) as x("programId" integer, "tierNumber" integer, "points" numeric(18, 3), "tierExpiryDate" timestamp with time zone, "pointsExpiryDate" timestamp with time zone)
loop insert into loyalty_enrollments (org_id, customer_id, program_id, tier_number, points, tier_expiry_date, points_expiry_date) values (mc_en_row."org_id", mc_en_row."customer_id", mc_en_row."program_id", mc_en_row."tier_number", mc_en_row."points", mc_en_row."tier_expiry_date", mc_en_row."points_expiry_date");  end loop;
for mc_se_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $41 as "org_id", c.id as "customer_id", coalesce(x."beneficiaryCustomerId", c.id) as "beneficiary_customer_id", x."position" as "position", x."type" as "type", x."programId" as "program_id", x."isReferrer" as "is_referrer", x."rawValue" as "raw_value", x."currencyIdentifier" as "currency_identifier", x."currencyName" as "currency_name", x."couponCode" as "coupon_code", x."couponType" as "coupon_type", x."validTill" as "valid_till", x."description" as "description", x."discountCode" as "discount_code"
    from c, jsonb_to_recordset($42::text::jsonb) as x("position" integer, "type" text, "programId" integer, "isReferrer" boolean, "rawValue" numeric(18, 3), "currencyIdentifier" text, "currencyName" text, "couponCode" text, "couponType" text, "validTill" timestamp with time zone, "description" text, "discountCode" text, "beneficiaryCustomerId" bigint)
loop insert into side_effects (org_id, customer_id, beneficiary_customer_id, position, type, program_id, is_referrer, raw_value, currency_identifier, currency_name, coupon_code, coupon_type, valid_till, description, discount_code) values (mc_se_row."org_id", mc_se_row."customer_id", mc_se_row."beneficiary_customer_id", mc_se_row."position", mc_se_row."type", mc_se_row."program_id", mc_se_row."is_referrer", mc_se_row."raw_value", mc_se_row."currency_identifier", mc_se_row."currency_name", mc_se_row."coupon_code", mc_se_row."coupon_type", mc_se_row."valid_till", mc_se_row."description", mc_se_row."discount_code") returning id, position into mc_se_out; mc_se := mc_se || to_jsonb(mc_se_out); end loop;
return query with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint)),
se as (select * from jsonb_to_recordset(mc_se) as se(id bigint, position integer)),
known as (select * from jsonb_to_recordset(mc_known) as known(type text, value text, customer_id bigint, version integer, source text, account_id text))
select (select id from c) as customer_id,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'position', position)), '[]'::jsonb) from se) as effects,
      (select jsonb_agg(known) from known) as known;
end
