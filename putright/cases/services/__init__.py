"""The case use cases: one service each, keyword-only, one transaction, guarded by the domain."""

from putright.cases.services.closure import (
    case_close,
    case_resolve,
    case_withdraw,
    comment_acknowledge,
    comment_respond,
    compliment_pass_on,
    satisfaction_record,
)
from putright.cases.services.colleagues import colleague_complaint_disciplinary, colleague_complaint_identify
from putright.cases.services.escalation import (
    complaint_not_accept,
    escalation_refuse,
    escalation_request,
    stage2_assign_handler,
)
from putright.cases.services.intake import case_convert_to_complaint, complaint_choice_record, feedback_log
from putright.cases.services.late_acceptance import late_acceptance_record
from putright.cases.services.stages import (
    ActionInput,
    IssueOutcome,
    PointAnswer,
    RemedyInput,
    action_complete,
    complaint_acknowledge,
    complaint_add_issue,
    complaint_close_no_contact,
    complaint_warn_no_contact,
    hazard_duty_complete,
    hazard_investigation_conclude,
    remedy_pay,
    stage_extend,
    stage_record_clarification,
    stage_respond,
)

__all__ = [
    "ActionInput",
    "IssueOutcome",
    "PointAnswer",
    "RemedyInput",
    "action_complete",
    "case_close",
    "case_convert_to_complaint",
    "case_resolve",
    "case_withdraw",
    "colleague_complaint_disciplinary",
    "colleague_complaint_identify",
    "comment_acknowledge",
    "comment_respond",
    "complaint_acknowledge",
    "complaint_add_issue",
    "complaint_choice_record",
    "complaint_close_no_contact",
    "complaint_not_accept",
    "complaint_warn_no_contact",
    "compliment_pass_on",
    "escalation_refuse",
    "escalation_request",
    "feedback_log",
    "hazard_duty_complete",
    "hazard_investigation_conclude",
    "late_acceptance_record",
    "remedy_pay",
    "satisfaction_record",
    "stage2_assign_handler",
    "stage_extend",
    "stage_record_clarification",
    "stage_respond",
]
