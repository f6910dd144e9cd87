-- Advice about a confidential kind of decision is as confidential as the decision will be: requests
-- asked before Baton restricted them from the start are restricted now (docs/INITIATIVES_AND_ADVICE.md).
update advice_request r set restricted = true
from decision_type t
where t.code = r.decision_type and t.confidential and not r.restricted;
