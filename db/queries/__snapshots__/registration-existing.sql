with c as (update customers set version = version + 1
    where org_id = $1 and id = $2 and version = $3 returning id),
sa as (insert into source_accounts (org_id, customer_id, created_by_type, created_by_code, source, account_id, first_name, last_name, fields)
    select $4 as "org_id", c.id as "customer_id", $5 as "created_by_type", $6 as "created_by_code", x."source" as "source", x."accountId" as "account_id", x."firstName" as "first_name", x."lastName" as "last_name", x."fields" as "fields"
    from c, jsonb_to_recordset($7::text::jsonb) as x("source" text, "accountId" text, "firstName" text, "lastName" text, "fields" jsonb) returning id, source, account_id),
i as (insert into identifiers (org_id, source_account_id, customer_id, type, value, position, series_id, status_label, extended_fields)
    select $8 as "org_id", sa.id as "source_account_id", c.id as "customer_id", x."type" as "type", x."value" as "value", x."position" as "position", x."seriesId" as "series_id", x."statusLabel" as "status_label", x."extendedFields" as "extended_fields"
    from c, sa join jsonb_to_recordset($9::text::jsonb) as x("type" text, "value" text, "position" integer, "seriesId" integer, "statusLabel" text, "extendedFields" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
k as (insert into identity_keys (org_id, customer_id, type, value)
    select $10 as "org_id", c.id as "customer_id", x."type" as "type", x."value" as "value"
    from c, jsonb_to_recordset($11::text::jsonb) as x("type" text, "value" text)),
ch as (insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
    select $12 as "org_id", sa.id as "source_account_id", x."position" as "position", x."type" as "type", x."value" as "value", x."primary" as "is_primary", x."verified" as "verified", x."subscribed" as "subscribed", x."meta" as "meta"
    from sa join jsonb_to_recordset($13::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
au as (insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details)
    select $14 as "org_id", 'customer.register' as "action", 'success' as "outcome", c.id as "customer_id", $15 as "request_id", $16 as "actor_type", $17 as "actor_code", $18::text::jsonb as "user_context", $19::text::jsonb as "details"
    from c),
h as (insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes)
    select $20 as "org_id", c.id as "customer_id", $21 as "actor_type", $22 as "actor_code", $23 as "request_id", $24::text::jsonb as "user_context", x."action" as "action", x."reason" as "reason", x."changes" as "changes"
    from c, jsonb_to_recordset($25::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position" returning id, customer_id, action, reason, changes, request_id),
sw as (insert into customer_search_words (org_id, customer_id, word)
    select $26 as "org_id", c.id as "customer_id", w as "word"
    from c, jsonb_array_elements_text($27::text::jsonb) w on conflict do nothing),
e as (select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1),
wh as (select id, event_names from webhooks where org_id = $28 and active),
ev as (insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
    select $29 as "org_id", wh.id as "webhook_id", e.customer_id as "customer_id", e.event_id as "event_id", e.event_name as "event_name", e.request_id as "request_id", e.data as "data"
    from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id)
select (select id from c) as customer_id, '[]'::jsonb as effects, null::jsonb as known

-- parameters
-- $1: orgId
-- $2: existingCustomerId
-- $3: existingVersion
-- $4: orgId
-- $5: actorType
-- $6: actorCode
-- $7: profiles
-- $8: orgId
-- $9: identifiers
-- $10: orgId
-- $11: keys
-- $12: orgId
-- $13: channels
-- $14: orgId
-- $15: requestId
-- $16: actorType
-- $17: actorCode
-- $18: userContext
-- $19: details
-- $20: orgId
-- $21: actorType
-- $22: actorCode
-- $23: requestId
-- $24: userContext
-- $25: history
-- $26: orgId
-- $27: searchWords
-- $28: orgId
-- $29: orgId

-- as a PL/pgSQL body of plain statements (on Citus)
declare mc_c_out record; mc_sa_out record; mc_sa_row record; mc_i_row record; mc_k_row record; mc_ch_row record; mc_au_row record; mc_h_out record; mc_h_row record; mc_sw_row record; mc_e_out record; mc_wh_out record; mc_ev_row record; mc_c jsonb := '[]'; mc_sa jsonb := '[]'; mc_h jsonb := '[]'; mc_e jsonb := '[]'; mc_wh jsonb := '[]';
begin
for mc_c_out in update customers set version = version + 1
    where org_id = $1 and id = $2 and version = $3 returning id
loop mc_c := mc_c || to_jsonb(mc_c_out); end loop;
for mc_sa_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $4 as "org_id", c.id as "customer_id", $5 as "created_by_type", $6 as "created_by_code", x."source" as "source", x."accountId" as "account_id", x."firstName" as "first_name", x."lastName" as "last_name", x."fields" as "fields"
    from c, jsonb_to_recordset($7::text::jsonb) as x("source" text, "accountId" text, "firstName" text, "lastName" text, "fields" jsonb)
loop insert into source_accounts (org_id, customer_id, created_by_type, created_by_code, source, account_id, first_name, last_name, fields) values (mc_sa_row."org_id", mc_sa_row."customer_id", mc_sa_row."created_by_type", mc_sa_row."created_by_code", mc_sa_row."source", mc_sa_row."account_id", mc_sa_row."first_name", mc_sa_row."last_name", mc_sa_row."fields") returning id, source, account_id into mc_sa_out; mc_sa := mc_sa || to_jsonb(mc_sa_out); end loop;
for mc_i_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint)),
sa as (select * from jsonb_to_recordset(mc_sa) as sa(id bigint, source text, account_id text))
select $8 as "org_id", sa.id as "source_account_id", c.id as "customer_id", x."type" as "type", x."value" as "value", x."position" as "position", x."seriesId" as "series_id", x."statusLabel" as "status_label", x."extendedFields" as "extended_fields"
    from c, sa join jsonb_to_recordset($9::text::jsonb) as x("type" text, "value" text, "position" integer, "seriesId" integer, "statusLabel" text, "extendedFields" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id
loop insert into identifiers (org_id, source_account_id, customer_id, type, value, position, series_id, status_label, extended_fields) values (mc_i_row."org_id", mc_i_row."source_account_id", mc_i_row."customer_id", mc_i_row."type", mc_i_row."value", mc_i_row."position", mc_i_row."series_id", mc_i_row."status_label", mc_i_row."extended_fields");  end loop;
for mc_k_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $10 as "org_id", c.id as "customer_id", x."type" as "type", x."value" as "value"
    from c, jsonb_to_recordset($11::text::jsonb) as x("type" text, "value" text)
loop insert into identity_keys (org_id, customer_id, type, value) values (mc_k_row."org_id", mc_k_row."customer_id", mc_k_row."type", mc_k_row."value");  end loop;
for mc_ch_row in with sa as (select * from jsonb_to_recordset(mc_sa) as sa(id bigint, source text, account_id text))
select $12 as "org_id", sa.id as "source_account_id", x."position" as "position", x."type" as "type", x."value" as "value", x."primary" as "is_primary", x."verified" as "verified", x."subscribed" as "subscribed", x."meta" as "meta"
    from sa join jsonb_to_recordset($13::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id
loop insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta) values (mc_ch_row."org_id", mc_ch_row."source_account_id", mc_ch_row."position", mc_ch_row."type", mc_ch_row."value", mc_ch_row."is_primary", mc_ch_row."verified", mc_ch_row."subscribed", mc_ch_row."meta");  end loop;
for mc_au_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $14 as "org_id", 'customer.register' as "action", 'success' as "outcome", c.id as "customer_id", $15 as "request_id", $16 as "actor_type", $17 as "actor_code", $18::text::jsonb as "user_context", $19::text::jsonb as "details"
    from c
loop insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details) values (mc_au_row."org_id", mc_au_row."action", mc_au_row."outcome", mc_au_row."customer_id", mc_au_row."request_id", mc_au_row."actor_type", mc_au_row."actor_code", mc_au_row."user_context", mc_au_row."details");  end loop;
for mc_h_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $20 as "org_id", c.id as "customer_id", $21 as "actor_type", $22 as "actor_code", $23 as "request_id", $24::text::jsonb as "user_context", x."action" as "action", x."reason" as "reason", x."changes" as "changes"
    from c, jsonb_to_recordset($25::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position"
loop insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes) values (mc_h_row."org_id", mc_h_row."customer_id", mc_h_row."actor_type", mc_h_row."actor_code", mc_h_row."request_id", mc_h_row."user_context", mc_h_row."action", mc_h_row."reason", mc_h_row."changes") returning id, customer_id, action, reason, changes, request_id into mc_h_out; mc_h := mc_h || to_jsonb(mc_h_out); end loop;
for mc_sw_row in with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select $26 as "org_id", c.id as "customer_id", w as "word"
    from c, jsonb_array_elements_text($27::text::jsonb) w
loop insert into customer_search_words (org_id, customer_id, word) values (mc_sw_row."org_id", mc_sw_row."customer_id", mc_sw_row."word") on conflict do nothing;  end loop;
for mc_e_out in with h as (select * from jsonb_to_recordset(mc_h) as h(id bigint, customer_id bigint, action text, reason text, changes jsonb, request_id text))
select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1
loop mc_e := mc_e || to_jsonb(mc_e_out); end loop;
for mc_wh_out in select id, event_names from webhooks where org_id = $28 and active
loop mc_wh := mc_wh || to_jsonb(mc_wh_out); end loop;
for mc_ev_row in with e as (select * from jsonb_to_recordset(mc_e) as e(event_name text, event_id uuid, first_id bigint, customer_id bigint, request_id text, data jsonb)),
wh as (select * from jsonb_to_recordset(mc_wh) as wh(id integer, event_names text[]))
select $29 as "org_id", wh.id as "webhook_id", e.customer_id as "customer_id", e.event_id as "event_id", e.event_name as "event_name", e.request_id as "request_id", e.data as "data"
    from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id
loop insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data) values (mc_ev_row."org_id", mc_ev_row."webhook_id", mc_ev_row."customer_id", mc_ev_row."event_id", mc_ev_row."event_name", mc_ev_row."request_id", mc_ev_row."data");  end loop;
return query with c as (select * from jsonb_to_recordset(mc_c) as c(id bigint))
select (select id from c) as customer_id, '[]'::jsonb as effects, null::jsonb as known;
end
