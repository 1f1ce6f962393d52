"""A tree-local plugin for the plugin-config fixture: its config must list weekdays 1-7."""

from catalogkit.plugins import PluginInfo, hookimpl


@hookimpl
def catalogkit_plugin_info() -> PluginInfo:
    return PluginInfo(
        "ferry-days",
        "1.0.0",
        "渡船开行日（测试用）",
        {
            "days": {
                "type": "list",
                "required": True,
                "schema": {"type": "integer", "min": 1, "max": 7},
            }
        },
    )
