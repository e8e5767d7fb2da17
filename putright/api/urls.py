"""REST API v1, mounted at /api/v1/. Everything is under a landlord the caller holds a role at, and a
case is named by its reference."""

from django.urls import include, path, re_path

from putright.api.views import cases, closure, colleagues, customers, escalation, letters, stages
from putright.api.views._base import UnknownPathApi

app_name = "api"

case_commands = [
    path("acknowledge/", stages.CaseAcknowledgeApi.as_view(), name="case-acknowledge"),
    path("clarification-attempts/", stages.ClarificationAttemptApi.as_view(), name="case-clarification"),
    path("issues/", stages.ComplaintAddIssueApi.as_view(), name="case-issues"),
    path("colleague/", colleagues.ColleagueIdentifyApi.as_view(), name="case-colleague"),
    path("disciplinary/", colleagues.ColleagueDisciplinaryApi.as_view(), name="case-disciplinary"),
    path("extensions/", stages.StageExtendApi.as_view(), name="case-extensions"),
    path("no-contact-warning/", stages.NoContactWarningApi.as_view(), name="case-no-contact-warning"),
    path("close-no-contact/", stages.CloseNoContactApi.as_view(), name="case-close-no-contact"),
    path("response/", stages.StageRespondApi.as_view(), name="case-response"),
    path("escalation/", escalation.EscalationRequestApi.as_view(), name="case-escalation"),
    path("stage2-handler/", escalation.Stage2HandlerApi.as_view(), name="case-stage2-handler"),
    path("refuse-escalation/", escalation.EscalationRefuseApi.as_view(), name="case-refuse-escalation"),
    path("not-accepted/", escalation.ComplaintNotAcceptApi.as_view(), name="case-not-accepted"),
    path("late-acceptance/", escalation.LateAcceptanceApi.as_view(), name="case-late-acceptance"),
    path("withdraw/", closure.CaseWithdrawApi.as_view(), name="case-withdraw"),
    path("close/", closure.CaseCloseApi.as_view(), name="case-close"),
    path("satisfaction/", closure.SatisfactionApi.as_view(), name="case-satisfaction"),
    path("convert-to-complaint/", cases.CaseConvertToComplaintApi.as_view(), name="case-convert"),
    path("complaint-choice/", cases.ComplaintChoiceApi.as_view(), name="case-complaint-choice"),
    path("pass-on/", closure.ComplimentPassOnApi.as_view(), name="case-pass-on"),
    path("comment-acknowledgement/", closure.CommentAcknowledgeApi.as_view(), name="case-comment-ack"),
    path("comment-response/", closure.CommentRespondApi.as_view(), name="case-comment-response"),
    path("resolve/", closure.CaseResolveApi.as_view(), name="case-resolve"),
    path("hazard-investigation/", stages.HazardInvestigationApi.as_view(), name="case-hazard-investigation"),
    path("hazard-duties/", stages.HazardDutyDoneApi.as_view(), name="case-hazard-duties"),
]

landlord = [
    path("cases/", cases.CasesApi.as_view(), name="cases"),
    path("cases/<str:reference>/", cases.CaseDetailApi.as_view(), name="case-detail"),
    path("cases/<str:reference>/", include(case_commands)),
    path("actions/<int:id>/complete/", stages.ActionCompleteApi.as_view(), name="action-complete"),
    path("remedies/<int:id>/payment/", stages.RemedyPaymentApi.as_view(), name="remedy-payment"),
    path("worklist/", cases.WorklistApi.as_view(), name="worklist"),
    path("letters/<int:id>/", letters.LetterDetailApi.as_view(), name="letter-detail"),
    path("letters/<int:id>/pdf/", letters.LetterPdfApi.as_view(), name="letter-pdf"),
    path("deliveries/", letters.DeliveriesApi.as_view(), name="deliveries"),
    path("deliveries/<int:id>/resend/", letters.DeliveryResendApi.as_view(), name="delivery-resend"),
    path("deliveries/<int:id>/printed/", letters.DeliveryPrintedApi.as_view(), name="delivery-printed"),
    path("letter-templates/", letters.LetterTemplatesApi.as_view(), name="letter-templates"),
    path("letter-templates/<str:kind>/", letters.LetterTemplateApi.as_view(), name="letter-template"),
    path(
        "letter-templates/<str:kind>/preview/",
        letters.LetterTemplatePreviewApi.as_view(),
        name="letter-template-preview",
    ),
    path("customers/", customers.CustomerCreateApi.as_view(), name="customers"),
    path(
        "customers/<int:id>/representatives/",
        customers.RepresentativeAddApi.as_view(),
        name="customer-representatives",
    ),
    path(
        "customers/<int:id>/adjustments/",
        customers.AdjustmentRecordApi.as_view(),
        name="customer-adjustments",
    ),
    path(
        "customers/<int:id>/disabilities/",
        customers.DisabilityRecordApi.as_view(),
        name="customer-disabilities",
    ),
    path(
        "customers/<int:id>/restrictions/",
        customers.RestrictionApplyApi.as_view(),
        name="customer-restrictions",
    ),
    path(
        "representatives/<int:id>/authority/",
        customers.RepresentativeAuthorityApi.as_view(),
        name="representative-authority",
    ),
    path("adjustments/<int:id>/review/", customers.AdjustmentReviewApi.as_view(), name="adjustment-review"),
    path("adjustments/<int:id>/end/", customers.AdjustmentEndApi.as_view(), name="adjustment-end"),
    path(
        "restrictions/<int:id>/review/", customers.RestrictionReviewApi.as_view(), name="restriction-review"
    ),
    path(
        "restrictions/<int:id>/appeal/", customers.RestrictionAppealApi.as_view(), name="restriction-appeal"
    ),
]

urlpatterns = [
    path("landlords/<slug:slug>/", include(landlord)),
    path("overdue/", cases.OverdueApi.as_view(), name="overdue"),
    re_path(r"^.*$", UnknownPathApi.as_view(), name="unknown"),
]
