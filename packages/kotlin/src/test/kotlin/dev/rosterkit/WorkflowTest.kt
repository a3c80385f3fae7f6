package dev.rosterkit

import dev.rosterkit.core.HttpTransport
import dev.rosterkit.core.GroupChanges
import dev.rosterkit.core.NewGroup
import dev.rosterkit.core.OutcomeStatus
import dev.rosterkit.core.PageStyle
import dev.rosterkit.core.Permission
import dev.rosterkit.core.Provider
import dev.rosterkit.core.SyncMode
import dev.rosterkit.core.SyncOptions
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Documented workflows against the emulator over real HTTP. The same tests
 * run twice: through the built-in transport and through [JavaHttpTransport].
 */
abstract class WorkflowTest : EmulatorTest() {
    private val authoritative = SyncOptions(mode = SyncMode.AUTHORITATIVE)

    @Test
    fun `ssw lists every page, adds, approves and syncs members`() = runBlocking {
        val ssw = client(Provider.SSW)
        val groups = ssw.listGroups()
        assertEquals("IT Admins", groups.single { it.id == "grp_001" }.name)
        // 320 seeded users at 100 per page: the core pages, this side only loops.
        val users = ssw.listUsers()
        assertTrue(users.size > 100, "expected several pages of users, got ${users.size}")
        assertTrue(users.any { it.id == "user_123" })

        val before = ssw.listMembers("grp_001").map { it.userId }
        assertTrue("user_123" in before)
        val added = ssw.addMembers("grp_001", listOf("user_1005"))
        assertEquals(1, added.addedCount)
        assertEquals(0, added.failedCount)
        assertEquals(listOf("ssw.add_group_member"), added.steps.single().step.endpointIds)
        assertTrue("user_1005" in ssw.listMembers("grp_001").map { it.userId })

        // Contractors needs approval: the add files a join request, approval makes it a membership.
        val contractors = groups.single { it.name == "Contractors" }.id
        val request = ssw.addMembers(contractors, listOf("user_1006"))
        assertEquals(OutcomeStatus.PENDING_APPROVAL, request.outcomes.single().status)
        assertFalse("user_1006" in ssw.listMembers(contractors).map { it.userId })
        ssw.approveMember(contractors, "user_1006")
        assertTrue("user_1006" in ssw.listMembers(contractors).map { it.userId })

        val plan = ssw.plan("grp_001", before, authoritative)
        assertEquals(listOf("user_1005"), plan.toRemove)
        assertEquals(emptyList<String>(), plan.toAdd)
        assertEquals(before.toSet(), plan.unchanged.toSet())
        assertEquals(1uL, plan.callCount)
        val report = ssw.apply(plan)
        assertEquals(1, report.removedCount)
        assertTrue(report.ok)
        assertEquals(before.sorted(), ssw.listMembers("grp_001").map { it.userId }.sorted())
    }

    @Test
    fun `polaris creates, updates, fills, trims and deletes a group`() = runBlocking {
        val polaris = client(Provider.POLARIS)
        val group = polaris.createGroup(
            NewGroup(
                name = "Kotlin QA",
                permissions = listOf(Permission("AccessQueries", listOf("projects/*")), Permission("AdministerApiKeys")),
                role = null,
            ),
        )
        assertEquals("Kotlin QA", group.name)
        assertEquals(setOf("AccessQueries", "AdministerApiKeys"), group.permissions.map { it.name }.toSet())

        val renamed = polaris.updateGroup(group.id, GroupChanges(name = "Kotlin QA renamed", permissions = null, role = null))
        assertEquals("Kotlin QA renamed", (renamed ?: polaris.getGroup(group.id)).name)
        // The rename kept the permissions: the core read the group before its PUT.
        assertEquals(2, polaris.getGroup(group.id).permissions.size)

        val alex = "d88d4e47-d6ed-4820-880e-c0564ce99752"
        val other = "48b08425-7393-4730-bb7d-736e69ef1d92"
        val add = polaris.addMembers(group.id, listOf(alex, other))
        assertEquals(1, add.steps.size, "Polaris adds in one batch")
        assertEquals(2, add.addedCount)
        assertEquals(setOf(alex, other), polaris.listMembers(group.id).map { it.userId }.toSet())

        // No removal endpoint: a removal reads the user and writes it back without the group.
        val plan = polaris.plan(group.id, listOf(alex), authoritative)
        assertEquals(listOf(other), plan.toRemove)
        val step = plan.steps.single().endpointIds
        assertEquals(listOf("polaris.get_user", "polaris.update_user"), step.take(2), "$step")
        val report = polaris.apply(plan)
        assertEquals(0, report.failedCount)
        assertEquals(1, report.removedCount)
        assertEquals(listOf(alex), polaris.listMembers(group.id).map { it.userId })

        polaris.deleteGroup(group.id)
        assertTrue(polaris.listGroups().none { it.id == group.id })
    }

    @Test
    fun `alteryx, b2core and spotnana unified calls`() = runBlocking {
        val alteryx = client(Provider.ALTERYX)
        val sales = alteryx.getGroup("61d58ac83c15317e1a482069")
        assertNotNull(sales.role)
        assertTrue("61d564361d6d5da7ad461a32" in alteryx.listMembers(sales.id).map { it.userId })
        val created = alteryx.createGroup(NewGroup(name = "Kotlin Artisans", role = "Artisan"))
        assertEquals("Artisan", created.role)
        alteryx.deleteGroup(created.id)

        val b2core = client(Provider.B2CORE)
        assertEquals("Administrators", b2core.getGroup("1").name)
        val desk = b2core.createGroup(NewGroup(name = "Desk", permissions = listOf(Permission("accounts.read")), role = null))
        val updated = b2core.updateGroup(desk.id, GroupChanges(name = "Desk 2", permissions = null, role = null))
        assertEquals("Desk 2", updated?.name ?: b2core.getGroup(desk.id).name)
        b2core.deleteGroup(desk.id)

        val spotnana = client(Provider.SPOTNANA)
        val groups = spotnana.listGroups()
        assertTrue(groups.isNotEmpty())
        val group = groups.first { !it.readOnly }.id
        val someone = groups.firstNotNullOf { g -> spotnana.listMembers(g.id).firstOrNull()?.userId }
        val report = spotnana.addMembers(group, listOf(someone))
        assertEquals(0, report.failedCount, report.toString())
    }

    @Test
    fun `full-fidelity endpoint calls return the vendor's JSON`() = runBlocking {
        val polaris = client(Provider.POLARIS)
        val user = JSONObject(polaris.callEndpoint("polaris.get_user", """{"user_id":"d88d4e47-d6ed-4820-880e-c0564ce99752"}"""))
        assertEquals("alex.smith@email.com", user.getString("email"))
        val ssw = client(Provider.SSW)
        val all = JSONArray(ssw.callEndpointAllPages("ssw.list_members", """{"page_size":50}"""))
        assertEquals(ssw.listUsers().size, all.length())
    }

    @Test
    fun `a 429 with Retry-After is waited out and retried`() = runBlocking {
        emulator.addFault("""{"provider":"b2core","kind":{"type":"status","status":429,"retry_after":"0"},"times":2}""")
        assertEquals("Administrators", client(Provider.B2CORE).getGroup("1").name)
        assertEquals(3, emulator.requestLog().count { it.provider == "b2core" })
    }

    @Test
    fun `capabilities explain what a vendor cannot do`() {
        val caps = client(Provider.SSW).capabilities()
        assertEquals(Provider.SSW, caps.provider)
        assertFalse(caps.createGroup.supported)
        assertTrue(caps.createGroup.note.isNotBlank())
        assertEquals(PageStyle.PAGE_NUMBER, caps.paging)
        assertEquals(PageStyle.UNPAGED, providerCapabilities(Provider.POLARIS).paging)
        assertEquals(Provider.POLARIS, client(Provider.POLARIS).provider())
    }
}

/** The workflows over the built-in reqwest transport. */
class BuiltinTransportWorkflowTest : WorkflowTest()

/** The workflows over a transport written in Kotlin. */
class KotlinTransportWorkflowTest : WorkflowTest() {
    private val java = JavaHttpTransport()

    override fun transport(): HttpTransport = java

    @Test
    fun `every request goes through the Kotlin transport`() = runBlocking {
        val before = java.sent.get()
        client(Provider.B2CORE).listGroups()
        assertTrue(java.sent.get() > before)
    }
}
