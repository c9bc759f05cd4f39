with c as (update customers set version = version + 1
    where org_id = $1 and id = $2 and version = $3 returning id),
sa as (insert into source_accounts (org_id, customer_id, created_by_type, created_by_code, source, account_id, first_name, last_name, fields)
    select $4, c.id, $5, $6, x."source", x."accountId", x."firstName", x."lastName", x."fields"
    from c, jsonb_to_recordset($7::text::jsonb) as x("source" text, "accountId" text, "firstName" text, "lastName" text, "fields" jsonb) returning id, source, account_id),
i as (insert into identifiers (org_id, source_account_id, customer_id, type, value, position, series_id, status_label, extended_fields)
    select $8, sa.id, c.id, x."type", x."value", x."position", x."seriesId", x."statusLabel", x."extendedFields"
    from c, sa join jsonb_to_recordset($9::text::jsonb) as x("type" text, "value" text, "position" integer, "seriesId" integer, "statusLabel" text, "extendedFields" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
k as (insert into identity_keys (org_id, customer_id, type, value)
    select $10, c.id, x."type", x."value"
    from c, jsonb_to_recordset($11::text::jsonb) as x("type" text, "value" text)),
ch as (insert into comm_channels (org_id, source_account_id, position, type, value, is_primary, verified, subscribed, meta)
    select $12, sa.id, x."position", x."type", x."value", x."primary", x."verified", x."subscribed", x."meta"
    from sa join jsonb_to_recordset($13::text::jsonb) as x("position" integer, "type" text, "value" text, "primary" boolean, "verified" boolean, "subscribed" boolean, "meta" jsonb, "source" text, "accountId" text) on x."source" = sa.source and x."accountId" = sa.account_id),
au as (insert into audit_log (org_id, action, outcome, customer_id, request_id, actor_type, actor_code, user_context, details)
      select $14, 'customer.register', 'success', c.id, $15, $16, $17,
             $18::text::jsonb, $19::text::jsonb from c),
h as (insert into customer_history (org_id, customer_id, actor_type, actor_code, request_id, user_context, action, reason, changes)
    select $20, c.id, $21, $22, $23, $24::text::jsonb, x."action", x."reason", x."changes"
    from c, jsonb_to_recordset($25::text::jsonb) as x("action" text, "reason" text, "changes" jsonb, "position" integer) order by x."position" returning id, customer_id, action, reason, changes, request_id),
sw as (insert into customer_search_words (org_id, customer_id, word)
    select $26, c.id, w from c, jsonb_array_elements_text($27::text::jsonb) w
    on conflict do nothing),
e as (select case h.action when 'customer.registered' then 'customerAdded' when 'source.added' then 'sourceAccountAdded' when 'customer.updated' then 'customerUpdated' when 'status.changed' then 'customerStatusChanged' when 'identifier.added' then 'identifierChanged' when 'identifier.removed' then 'identifierChanged' when 'customer.merged' then 'customerMerged' when 'customer.unmerged' then 'customerUnmerged' when 'customer.deleted' then 'customerDeleted' when 'request.decided' then 'requestDecided' end as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1),
ev as (insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
      select $28, w.id, e.customer_id, e.event_id, e.event_name, e.request_id, e.data
      from e join webhooks w on w.org_id = $29 and w.active and e.event_name = any(w.event_names)
      order by e.first_id, w.id)
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
