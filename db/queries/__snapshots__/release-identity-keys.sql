delete from identity_keys k using jsonb_to_recordset($1::text::jsonb) as x(type text, value text)
  where k.org_id = $2 and k.type = x.type and k.value = x.value and k.customer_id = $3
    and not exists (select 1 from identifiers i
                    where i.org_id = $4 and i.value = x.value and i.type = x.type and i.customer_id = $5)

-- parameters
-- $1: keys
-- $2: orgId
-- $3: customerId
-- $4: orgId
-- $5: customerId
