"""`codev serve`: the room's view (`codev view`) in the participants' browsers, through
textual-serve, behind a token. Never imports the UI: each browser's view is its own process."""

from codev_tui.serve.address import is_loopback, lan_address, url_host
from codev_tui.serve.server import ViewServer, new_token, view_command

__all__ = ["ViewServer", "is_loopback", "lan_address", "new_token", "url_host", "view_command"]
