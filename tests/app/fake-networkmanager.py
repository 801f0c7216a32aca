'''A fake NetworkManager for the hotspot test (tests/app/test-room-hotspot.c)

A python-dbusmock template: dbusmock's own NetworkManager template, one
Wi-Fi device that can be an access point, and an AddAndActivateConnection
that brings a hotspot up the way NetworkManager does: the settings
connection, an active connection that is ACTIVATING, and a moment later
ACTIVATED with an IPv4 configuration whose address is HOTSPOT_ADDRESS.
Once it is all there it takes the bus name READY_NAME, which the test
waits for. Run on a private bus:
  python3 -m dbusmock --system --template tests/app/fake-networkmanager.py
'''

import dbus
import dbusmock
from gi.repository import GLib

from dbusmock.templates import networkmanager as nm
# The template's mock methods (AddActiveConnection calls SetDeviceActive on
# the main object): a template's methods are those in its module.
from dbusmock.templates.networkmanager import *  # noqa: F401,F403 pylint: disable=wildcard-import,unused-wildcard-import

BUS_NAME = nm.BUS_NAME
MAIN_OBJ = nm.MAIN_OBJ
SYSTEM_BUS = True
IS_OBJECT_MANAGER = True

READY_NAME = 'org.missiecanvas.FakeNetworkManager'
HOTSPOT_ADDRESS = '10.42.0.1'
IP4_CONFIG_IFACE = 'org.freedesktop.NetworkManager.IP4Config'
IP4_CONFIG_OBJ = '/org/freedesktop/NetworkManager/IP4Config/1'

_ready = []


def _bring_up(main, active_path):
    '''The connection is up: its address and the ACTIVATED state.'''
    main.AddObject(IP4_CONFIG_OBJ, IP4_CONFIG_IFACE, {
        'AddressData': dbus.Array([dbus.Dictionary({
            'address': dbus.String(HOTSPOT_ADDRESS),
            'prefix': dbus.UInt32(24),
        }, signature='sv')], signature='a{sv}'),
        'Gateway': dbus.String(''),
    }, [])
    main.object_manager_emit_added(IP4_CONFIG_OBJ)
    active = dbusmock.get_object(active_path)
    active.Set(nm.ACTIVE_CONNECTION_IFACE, 'Ip4Config', dbus.ObjectPath(IP4_CONFIG_OBJ))
    active.Set(nm.ACTIVE_CONNECTION_IFACE, 'State',
               dbus.UInt32(nm.NMActiveConnectionState.NM_ACTIVE_CONNECTION_STATE_ACTIVATED))
    return False


def _add_and_activate(manager, settings, device, _specific_object):
    main = dbusmock.get_object(MAIN_OBJ)
    connection = nm.SettingsAddConnection(main, settings)
    active = nm.AddActiveConnection(
        main, [device], connection, '/', 'hotspot',
        nm.NMActiveConnectionState.NM_ACTIVE_CONNECTION_STATE_ACTIVATING)
    dbusmock.get_object(active).AddProperty(nm.ACTIVE_CONNECTION_IFACE, 'Ip4Config',
                                            dbus.ObjectPath('/'))
    GLib.timeout_add(100, _bring_up, main, active)
    return (dbus.ObjectPath(connection), dbus.ObjectPath(active))


def load(mock, parameters):
    nm.load(mock, parameters)
    nm.AddWiFiDevice(mock, 'wlan0', 'wlan0', nm.DeviceState.DISCONNECTED)
    dbusmock.get_object(nm.MANAGER_OBJ).add_and_activate_connection = _add_and_activate
    _ready.append(dbus.service.BusName(READY_NAME, mock.bus_name.get_bus()))
