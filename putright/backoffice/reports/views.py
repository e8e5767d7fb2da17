"""The TSM page, the cases behind each figure and the Board pack: pages over `putright.reporting`, nothing more.

Anyone whose role allows `reports.view` sees the figures; the list of cases behind a figure shows only the
cases that person may open (`visible_cases`), and says how many others are counted.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.reports.charts import trend_charts
from putright.backoffice.reports.figures import trend_figures
from putright.backoffice.reports.forms import (
    ExtensionSettingForm,
    HotSpotThresholdsForm,
    PeriodForm,
    YearForm,
    last_month,
    period_data,
)
from putright.cases.access import visible_cases
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.tsm import Measure, ReportingYear
from putright.ombudsman.selectors import ombudsman_cases
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user
from putright.reporting.board_pack import BoardPack, board_pack
from putright.reporting.exports import flagged_because, pack_csv, pack_rows, pack_xlsx, sections
from putright.reporting.hot_spots import BREAKDOWNS, Which, hot_spot_cases, hot_spot_thresholds
from putright.reporting.selectors import extensions_count_as_on_time, tsm_report, tsm_stages
from putright.reporting.services import hot_spot_thresholds_update, reporting_settings_update
from putright.surveys.selectors import tp09

PAGE_SIZE = 50
ON_TIME = {"yes": True, "no": False}
"""The `on_time` query value narrowing a CH02 list to responses within the Code's timescales, or not."""


def _reader(request: HttpRequest, slug: str) -> tuple[User, Landlord]:
    """The signed-in person and the landlord, if their role there allows reports (403 if not; 404 if they
    hold no role there, the same as a landlord that does not exist)."""
    user = request.user
    assert isinstance(user, User)  # staff_required ran first
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    if not can(user, landlord, "reports.view"):
        raise PermissionDenied(f"Your role at {landlord.name} does not include reports")
    return user, landlord


def _year(request: HttpRequest) -> tuple[YearForm, ReportingYear | None]:
    today = timezone.localdate()
    data = request.GET if "year" in request.GET else {"year": str(ReportingYear.of(today).starting)}
    form = YearForm(data, today=today)
    return form, (ReportingYear(form.cleaned_data["year"]) if form.is_valid() else None)


@staff_required
def tsm(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = _reader(request, slug)
    form, year = _year(request)
    report = None
    if year is not None:
        try:
            report = tsm_report(landlord, year)
        except InvalidInputError as error:
            form.add_error("year", str(error))
    context = {
        "landlord": landlord,
        "form": form,
        "year": year,
        "report": report,
        "administers": can(user, landlord, "landlord.administer"),
    }
    if report is not None:
        context["figures"] = [report.figures[m] for m in Measure]
        context["tp09"] = tp09(landlord, report.year)
        context["imports_surveys"] = can(user, landlord, "surveys.import")
    return render(request, "backoffice/reports/tsm.html", context)


def _measure(value: str) -> Measure:
    try:
        return Measure(value)
    except ValueError:
        raise Http404("No such measure") from None


@staff_required
def tsm_cases(request: HttpRequest, slug: str, measure: str) -> HttpResponse:
    user, landlord = _reader(request, slug)
    chosen = _measure(measure)
    form, year = _year(request)
    on_time = ON_TIME.get(request.GET.get("on_time", "")) if not chosen.is_volume else None
    context: dict[str, object] = {"landlord": landlord, "form": form, "year": year, "measure": chosen}
    if year is not None:
        try:
            stages = tsm_stages(landlord, year, chosen)
        except InvalidInputError as error:
            form.add_error("year", str(error))
        else:
            if on_time is not None:
                stages = stages.filter(Q(within_code=on_time))
            counted = stages.count()
            shown = (
                stages.filter(case__in=visible_cases(user, landlord))
                .select_related("case")
                .order_by("-received_at", "-pk")
            )
            page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
            context.update(
                {
                    "page": page,
                    "counted": counted,
                    "hidden": counted - page.paginator.count,
                    "on_time": request.GET.get("on_time", "") if on_time is not None else "",
                    "extensions_count": extensions_count_as_on_time(landlord),
                }
            )
    return render(request, "backoffice/reports/tsm_cases.html", context)


def _board_pack(request: HttpRequest, landlord: Landlord) -> tuple[PeriodForm, BoardPack | None]:
    """The period asked for (last month when none is) and its pack, or the form with its errors."""
    chosen = "first_2" in request.GET or "last_2" in request.GET
    form = PeriodForm(request.GET if chosen else period_data(last_month(timezone.localdate())))
    pack = None
    if form.is_valid():
        try:
            pack = board_pack(landlord, form.period)
        except InvalidInputError as error:
            form.add_error(None, str(error))
    return form, pack


def _visible_referrals(user: User, landlord: Landlord, pack: BoardPack) -> set[int]:
    """The pack's Ombudsman cases the person may open (their page needs case.view and the complaint)."""
    if not can(user, landlord, "case.view"):
        return set()
    listed = [r.pk for r in pack.ombudsman.referrals]
    visible = ombudsman_cases(landlord, user).prefetch_related(None).filter(pk__in=listed)
    return set(visible.values_list("pk", flat=True))


@staff_required
def board(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = _reader(request, slug)
    form, pack = _board_pack(request, landlord)
    context: dict[str, object] = {
        "landlord": landlord,
        "form": form,
        "pack": pack,
        "administers": can(user, landlord, "landlord.administer"),
    }
    if pack is not None:
        limits = pack.hot_spots.thresholds
        context.update(
            {
                "export_query": urlencode(period_data(pack.period)),
                "figures": trend_figures(trend_charts(pack.trends, landlord.brand_colour), pack.trends),
                "spots": [(spot, flagged_because(spot, limits)) for spot in pack.hot_spots.rows],
                "visible_referrals": _visible_referrals(user, landlord, pack),
            }
        )
    return render(request, "backoffice/reports/board_pack.html", context)


WHICH: dict[Which, str] = {
    "received": "received in the period",
    "responses": "with a response issued in the period",
}


@staff_required
def board_hot_spot(request: HttpRequest, slug: str, breakdown: str) -> HttpResponse:
    """The complaints behind a hot spot, those this person may open listed and the others counted."""
    user, landlord = _reader(request, slug)
    asked, value = request.GET.get("which", ""), request.GET.get("value", "")
    which = next((w for w in WHICH if w == asked), None)
    if breakdown not in BREAKDOWNS or which is None or not value:
        raise Http404("No such hot spot")
    form = PeriodForm(request.GET)
    context: dict[str, object] = {
        "landlord": landlord,
        "form": form,
        "label": BREAKDOWNS[breakdown],
        "value": value,
        "which": WHICH[which],
    }
    if form.is_valid():
        cases = hot_spot_cases(landlord, form.period, breakdown, value, which)
        counted = cases.count()
        shown = cases.filter(pk__in=visible_cases(user, landlord).values("pk")).select_related("customer")
        page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            {
                "period": form.period,
                "page": page,
                "counted": counted,
                "hidden": counted - page.paginator.count,
                "back_query": urlencode(period_data(form.period)),
                "page_query": urlencode({"which": which, "value": value, **period_data(form.period)}),
            }
        )
    return render(request, "backoffice/reports/board_hot_spot.html", context)


@staff_required
def board_hot_spot_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """The hot-spot thresholds: administrators change them here (Post/Redirect/Get back to the pack)."""
    user, landlord = _reader(request, slug)
    if not can(user, landlord, "landlord.administer"):
        raise PermissionDenied(f"Only administrators at {landlord.name} may change its settings")
    period = PeriodForm(request.GET)
    back = reverse("backoffice:report-board-pack", args=[landlord.slug])
    if period.is_valid():
        back += "?" + urlencode(period_data(period.period))
    current = hot_spot_thresholds(landlord)
    form = HotSpotThresholdsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "complaints_at_least": current.complaints_at_least,
            "upheld_share_at_least": current.upheld_share_at_least,
            "responses_at_least": current.responses_at_least,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            hot_spot_thresholds_update(landlord=landlord, actor=user, **form.cleaned_data)
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, "The hot-spot thresholds are saved")
            return redirect(back)
    return render(
        request,
        "backoffice/reports/board_hot_spot_settings.html",
        {"landlord": landlord, "form": form, "back": back},
    )


EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _pdf(landlord: Landlord, pack: BoardPack, title: str) -> bytes:
    from weasyprint import HTML

    page = render_to_string(
        "backoffice/reports/board_pack_print.html",
        {
            "landlord": landlord,
            "period": pack.period,
            "title": title,
            "sections": sections(pack_rows(pack)),
            "charts": trend_charts(pack.trends, landlord.brand_colour),
        },
    )
    return bytes(HTML(string=page).write_pdf())


@staff_required
def board_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The Board pack for the period as a file; a period that will not do goes back to the page's errors."""
    _, landlord = _reader(request, slug)
    if fmt not in EXPORTS:
        raise Http404("No such format")
    _form, pack = _board_pack(request, landlord)
    if pack is None:
        page = reverse("backoffice:report-board-pack", args=[landlord.slug])
        return redirect(f"{page}?{request.GET.urlencode()}")
    p = pack.period
    title = f"{landlord.name} Board pack {p.first.isoformat()} to {p.last.isoformat()}"
    if fmt == "csv":
        content: bytes = pack_csv(pack).encode("utf-8")
    elif fmt == "xlsx":
        content = pack_xlsx(pack, title=title)
    else:
        content = _pdf(landlord, pack, title)
    response = HttpResponse(content, content_type=EXPORTS[fmt])
    filename = f"{landlord.slug}-board-pack-{p.first.isoformat()}-to-{p.last.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def tsm_setting(request: HttpRequest, slug: str) -> HttpResponse:
    """The named CH02 setting: administrators change it here (Post/Redirect/Get back to the measures)."""
    user, landlord = _reader(request, slug)
    if not can(user, landlord, "landlord.administer"):
        raise PermissionDenied(f"Only administrators at {landlord.name} may change its settings")
    year = request.GET.get("year", "")
    back = reverse("backoffice:report-tsm", args=[landlord.slug]) + (
        f"?year={year}" if year.isdigit() else ""
    )
    current = "yes" if extensions_count_as_on_time(landlord) else "no"
    form = ExtensionSettingForm(
        request.POST if request.method == "POST" else None, initial={"extensions_count": current}
    )
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["extensions_count"] == "yes"
        reporting_settings_update(landlord=landlord, actor=user, extensions_count_as_on_time=on)
        messages.success(
            request,
            f"Responses within a Code-compliant extension now count as {'on time' if on else 'late'} for CH02",
        )
        return redirect(back)
    return render(
        request, "backoffice/reports/tsm_setting.html", {"landlord": landlord, "form": form, "back": back}
    )
