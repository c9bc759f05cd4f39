delete from identifiers i using jsonb_to_recordset($1::text::jsonb) as x(type text, value text)
  where i.org_id = $2 and i.source_account_id = $3 and i.type = x.type and i.value = x.value

-- parameters
-- $1: list
-- $2: orgId
-- $3: sourceAccountId
