"""HTML tables for notebooks. Every value is escaped with :func:`html.escape`:
group names and emails come from the vendor and may contain markup."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rosterkit._native import Group, Member, SyncPlan, User

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


def sync_plan_html(plan: SyncPlan) -> str:
    """A plan: its summary, then one row per step."""
    summary = (
        f"{plan.provider} group {plan.group_id}: +{len(plan.to_add)} "
        f"-{len(plan.to_remove)}, {plan.unchanged} unchanged, {plan.call_count} calls"
    )
    return table(
        ["#", "action", "add", "remove", "endpoints"],
        ([i + 1, s.action, s.add, s.remove, s.endpoints] for i, s in enumerate(plan.steps)),
        caption=summary,
    )
