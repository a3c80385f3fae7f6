"""HTML tables for notebooks. Every value is escaped with :func:`html.escape`:
group names and emails come from the vendor and may contain markup."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rosterkit._native import ApplyReport, Group, Member, MembershipPlan, User

_MAX_ROWS = 200


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return html.escape(", ".join(str(v) for v in value))
    return html.escape(str(value))


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A plain HTML table, showing at most 200 rows."""
    out = ['<table class="rosterkit">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in headers) + "</tr></thead>"
    )
    out.append("<tbody>")
    shown = 0
    hidden = 0
    for row in rows:
        if shown >= _MAX_ROWS:
            hidden += 1
            continue
        out.append("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>")
        shown += 1
    out.append("</tbody>")
    if hidden:
        out.append(f'<tfoot><tr><td colspan="{len(headers)}">… {hidden} more</td></tr></tfoot>')
    out.append("</table>")
    return "".join(out)


def groups_html(groups: Sequence[Group]) -> str:
    """A table of groups."""
    return table(
        ["id", "name", "role", "permissions", "members", "read only"],
        (
            [
                g.id,
                g.name,
                g.role,
                [p.name for p in g.permissions],
                g.member_count,
                "yes" if g.read_only else "",
            ]
            for g in groups
        ),
        caption=f"{len(groups)} groups",
    )


def members_html(members: Sequence[Member]) -> str:
    """A table of members."""
    return table(
        ["user id", "email", "name", "added"],
        ([m.user_id, m.email, m.name, m.added_at] for m in members),
        caption=f"{len(members)} members",
    )


def users_html(users: Sequence[User]) -> str:
    """A table of users."""
    return table(
        ["id", "email", "username", "name", "status"],
        ([u.id, u.email, u.username, u.name, u.status] for u in users),
        caption=f"{len(users)} users",
    )


def plan_html(plan: MembershipPlan) -> str:
    """A plan: its summary, then one row per desired entry and removal."""
    summary = (
        f"{plan.provider} group {plan.group_id} ({plan.mode or 'changes'}): "
        f"+{len(plan.to_add)} -{len(plan.to_remove)}, {len(plan.unchanged)} unchanged, "
        f"{plan.call_count} calls"
    )
    adding = set(plan.to_add)
    rows: list[list[Any]] = [
        [
            "add" if e.user_id in adding else ("keep" if e.user_id else "unresolved"),
            e.entry,
            e.user_id,
        ]
        for e in plan.entries
    ]
    if not plan.entries:
        rows += [["add", u, u] for u in plan.to_add]
    rows += [["remove", u, u] for u in plan.to_remove]
    return table(["change", "entry", "user id"], rows, caption=summary)


def report_html(report: ApplyReport) -> str:
    """A report: its counts, then one row per user."""
    summary = (
        f"{report.provider} group {report.group_id}: {report.added} added, "
        f"{report.removed} removed, {report.unchanged} unchanged, {report.pending} pending, "
        f"{report.failed} failed, {report.unknown} unknown, {report.not_run} not run"
    )
    return table(
        ["user id", "entry", "change", "status", "error"],
        (
            [o.user_id, o.entry, o.change, o.status, str(o.error) if o.error else None]
            for o in report.outcomes
        ),
        caption=summary,
    )


def install() -> None:
    """Gives the compiled plan and report classes their notebook tables."""
    from rosterkit._native import ApplyReport, MembershipPlan

    MembershipPlan._repr_html_ = plan_html  # type: ignore[attr-defined]
    ApplyReport._repr_html_ = report_html  # type: ignore[attr-defined]
