with c as (update customers set version = version + 1,
    status_label_id = coalesce($1, status_label_id),
    loyalty_type = coalesce($2, loyalty_type),
    extended_fields = coalesce($3::text::jsonb, extended_fields)
  where org_id = $4 and id = $5 and version = $6 returning version),
a as (update source_accounts set first_name = $7, last_name = $8, fields = $9::text::jsonb
  where org_id = $10 and id = $11 and exists (select 1 from c)),
dc as (delete from comm_channels where org_id = $12 and source_account_id = $13 and exists (select 1 from c)),
ic as (insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
    select $14 as "org_id", $15 as "source_account_id", x."position" as "position", x."type" as "type", x."value" as "value", x."primary" as "is_primary", x."verified" as "verified", x."subscribed" as "subscribed", x."meta" as "meta"
    from c, jsonb_to_recordset($16::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb)),
dw as (delete from customer_search_words where org_id = $17 and customer_id = $18 and exists (select 1 from c)
  and $19::text::jsonb is not null and word not in (select jsonb_array_elements_text($20::text::jsonb))),
iw as (insert into customer_search_words (org_id, customer_id, word)
    select $21 as "org_id", $22 as "customer_id", w as "word"
    from c, jsonb_array_elements_text($23::text::jsonb) w on conflict do nothing),
h as (insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes)
    select $24 as "org_id", $25 as "customer_id", $26 as "actor_type", $27 as "actor_code", $28 as "request_id", $29::text::jsonb as "user_context", x."action" as "action", x."reason" as "reason", x."changes" as "changes"
    from c, jsonb_to_recordset($30::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position" returning id, customer_id, action, reason, changes, request_id),
e as (select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1),
wh as (select id, event_names from webhooks where org_id = $31 and active),
ev as (insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
    select $32 as "org_id", wh.id as "webhook_id", e.customer_id as "customer_id", e.event_id as "event_id", e.event_name as "event_name", e.request_id as "request_id", e.data as "data"
    from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id)
select version from c

-- parameters
-- $1: statusLabelId
-- $2: loyaltyType
-- $3: extendedFields
-- $4: orgId
-- $5: customerId
-- $6: expectedVersion
-- $7: firstName
-- $8: lastName
-- $9: fields
-- $10: orgId
-- $11: accountId
-- $12: orgId
-- $13: channelAccountId
-- $14: orgId
-- $15: channelAccountId
-- $16: channels
-- $17: orgId
-- $18: customerId
-- $19: searchWords
-- $20: searchWords
-- $21: orgId
-- $22: customerId
-- $23: searchWords
-- $24: orgId
-- $25: customerId
-- $26: actorType
-- $27: actorCode
-- $28: requestId
-- $29: userContext
-- $30: history
-- $31: orgId
-- $32: orgId

-- as a PL/pgSQL body of plain statements (on Citus)
declare mc_c_out record; mc_ic_row record; mc_iw_row record; mc_h_out record; mc_h_row record; mc_e_out record; mc_wh_out record; mc_ev_row record; mc_c jsonb := '[]'; mc_h jsonb := '[]'; mc_e jsonb := '[]'; mc_wh jsonb := '[]';
begin
for mc_c_out in update customers set version = version + 1,
    status_label_id = coalesce($1, status_label_id),
    loyalty_type = coalesce($2, loyalty_type),
    extended_fields = coalesce($3::text::jsonb, extended_fields)
  where org_id = $4 and id = $5 and version = $6 returning version
loop mc_c := mc_c || to_jsonb(mc_c_out); end loop;
with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
update source_accounts set first_name = $7, last_name = $8, fields = $9::text::jsonb
  where org_id = $10 and id = $11 and exists (select 1 from c);
with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
delete from comm_channels where org_id = $12 and source_account_id = $13 and exists (select 1 from c);
for mc_ic_row in with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
select $14 as "org_id", $15 as "source_account_id", x."position" as "position", x."type" as "type", x."value" as "value", x."primary" as "is_primary", x."verified" as "verified", x."subscribed" as "subscribed", x."meta" as "meta"
    from c, jsonb_to_recordset($16::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb)
loop insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta) values (mc_ic_row."org_id", mc_ic_row."source_account_id", mc_ic_row."position", mc_ic_row."type", mc_ic_row."value", mc_ic_row."is_primary", mc_ic_row."verified", mc_ic_row."subscribed", mc_ic_row."meta");  end loop;
with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
delete from customer_search_words where org_id = $17 and customer_id = $18 and exists (select 1 from c)
  and $19::text::jsonb is not null and word not in (select jsonb_array_elements_text($20::text::jsonb));
for mc_iw_row in with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
select $21 as "org_id", $22 as "customer_id", w as "word"
    from c, jsonb_array_elements_text($23::text::jsonb) w
loop insert into customer_search_words (org_id, customer_id, word) values (mc_iw_row."org_id", mc_iw_row."customer_id", mc_iw_row."word") on conflict do nothing;  end loop;
for mc_h_row in with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
select $24 as "org_id", $25 as "customer_id", $26 as "actor_type", $27 as "actor_code", $28 as "request_id", $29::text::jsonb as "user_context", x."action" as "action", x."reason" as "reason", x."changes" as "changes"
    from c, jsonb_to_recordset($30::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position"
loop insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes) values (mc_h_row."org_id", mc_h_row."customer_id", mc_h_row."actor_type", mc_h_row."actor_code", mc_h_row."request_id", mc_h_row."user_context", mc_h_row."action", mc_h_row."reason", mc_h_row."changes") returning id, customer_id, action, reason, changes, request_id into mc_h_out; mc_h := mc_h || to_jsonb(mc_h_out); end loop;
for mc_e_out in with h as (select * from jsonb_to_recordset(mc_h) as h(id bigint, customer_id bigint, action text, reason text, changes jsonb, request_id text))
select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1
loop mc_e := mc_e || to_jsonb(mc_e_out); end loop;
for mc_wh_out in select id, event_names from webhooks where org_id = $31 and active
loop mc_wh := mc_wh || to_jsonb(mc_wh_out); end loop;
for mc_ev_row in with e as (select * from jsonb_to_recordset(mc_e) as e(event_name text, event_id uuid, first_id bigint, customer_id bigint, request_id text, data jsonb)),
wh as (select * from jsonb_to_recordset(mc_wh) as wh(id integer, event_names text[]))
select $32 as "org_id", wh.id as "webhook_id", e.customer_id as "customer_id", e.event_id as "event_id", e.event_name as "event_name", e.request_id as "request_id", e.data as "data"
    from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id
loop insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data) values (mc_ev_row."org_id", mc_ev_row."webhook_id", mc_ev_row."customer_id", mc_ev_row."event_id", mc_ev_row."event_name", mc_ev_row."request_id", mc_ev_row."data");  end loop;
return query with c as (select * from jsonb_to_recordset(mc_c) as c(version integer))
select version from c;
end
