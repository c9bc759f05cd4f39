delete from identity_keys k
  where k.org_id = $1 and k.type = $2 and k.value = $3 and k.customer_id = $4
    and not exists (select 1 from identifiers i
                    where i.org_id = $5 and i.value = k.value and i.type = k.type and i.customer_id = k.customer_id)

-- parameters
-- $1: orgId
-- $2: type
-- $3: value
-- $4: customerId
-- $5: orgId
